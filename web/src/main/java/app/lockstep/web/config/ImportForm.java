package app.lockstep.web.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.lockstep.domain.config.spec.InfrastructureSpec;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * What the import page sends: a .upsun/config.yaml pasted or uploaded, or the files of a
 * Platform.sh layout, each a row with its path in the repository and its text (pasted or
 * uploaded). A file's own name fills an empty path.
 */
public record ImportForm(String upsun, List<Row> rows, Map<String, String> errors) {

	static final int BLANK_ROWS = 4;

	static final List<String> SUGGESTED_PATHS = List.of(".platform.app.yaml", ".platform/services.yaml",
			".platform/routes.yaml", ".platform/applications.yaml");

	record Row(String path, String text) {

		boolean isBlank() {
			return this.text.isBlank();
		}

	}

	static ImportForm empty() {
		List<Row> rows = new ArrayList<>();
		SUGGESTED_PATHS.forEach((path) -> rows.add(new Row("", "")));
		return new ImportForm("", rows, Map.of());
	}

	/** What a row's path field suggests, as its placeholder. */
	public static String suggestion(int row) {
		return (row < SUGGESTED_PATHS.size()) ? SUGGESTED_PATHS.get(row) : "api/.platform.app.yaml";
	}

	static ImportForm from(HttpServletRequest request) {
		Map<String, String> errors = new LinkedHashMap<>();
		String upsun = text(request, "upsun", "upsunFile", errors);
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < 50 && (request.getParameter("files[" + i + "].path") != null
				|| file(request, "files[" + i + "].upload") != null); i++) {
			String path = value(request.getParameter("files[" + i + "].path")).strip();
			MultipartFile upload = file(request, "files[" + i + "].upload");
			String text = text(request, "files[" + i + "].text", "files[" + i + "].upload", errors);
			if (path.isEmpty() && upload != null && upload.getOriginalFilename() != null) {
				path = upload.getOriginalFilename();
			}
			if (!text.isBlank() && path.isEmpty()) {
				errors.put("files[" + i + "].path",
						"Say where this file is in the repository, such as api/.platform.app.yaml.");
			}
			rows.add(new Row(path, text));
		}
		return new ImportForm(upsun, rows, errors);
	}

	/** The Platform.sh files given, by path. */
	Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		this.rows.stream().filter((row) -> !row.isBlank()).forEach((row) -> files.put(row.path(), row.text()));
		return files;
	}

	ImportForm withMoreRows() {
		List<Row> more = new ArrayList<>(this.rows);
		for (int i = 0; i < BLANK_ROWS; i++) {
			more.add(new Row("", ""));
		}
		return new ImportForm(this.upsun, more, this.errors);
	}

	/**
	 * A pasted text, or else an uploaded file's, read as UTF-8 within the spec's size
	 * limit.
	 */
	private static String text(HttpServletRequest request, String field, String uploadField,
			Map<String, String> errors) {
		MultipartFile upload = file(request, uploadField);
		if (upload != null && !upload.isEmpty()) {
			if (upload.getSize() > InfrastructureSpec.MAX_BYTES) {
				errors.put(uploadField, "This file is " + upload.getSize() + " bytes; a spec is at most "
						+ InfrastructureSpec.MAX_BYTES / 1024 + " KiB.");
				return "";
			}
			try {
				return new String(upload.getBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return value(request.getParameter(field));
	}

	private static @Nullable MultipartFile file(HttpServletRequest request, String name) {
		MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
		MultipartFile file = (multipart != null) ? multipart.getFile(name) : null;
		return (file != null && !file.isEmpty()) ? file : null;
	}

	private static String value(@Nullable String value) {
		return (value != null) ? value.replace("\r\n", "\n") : "";
	}

}
