-- Secret reads recorded in one batch by the same reader, of the same environment and revisions, from the same address,
-- are one row with how many reads it stands for and the time of the last (issue 13: fewer rows to write and to fold).
-- Rows written before, and by instances that do not know these columns, stand for one read at read_at.
alter table lockstep.secret_reads
    add column reads integer not null default 1 check (reads > 0),
    add column last_read_at timestamptz;
