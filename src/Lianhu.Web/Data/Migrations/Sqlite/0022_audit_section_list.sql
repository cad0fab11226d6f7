-- A read's audit event names every section it returned; SQLite's TEXT already holds the longer list (the PostgreSQL migration widens its column).
SELECT 1;
