-- Rate-limit counters are written on every public request. They need no crash safety (a crash forgets at most a
-- minute of counts), so the table skips the write-ahead log and a request's counter commit waits for no disk flush.
ALTER TABLE "rate_limits" SET UNLOGGED;
