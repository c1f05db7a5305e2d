-- The tables exactly as the original Express app's db.js creates them on MySQL, so that a database it
-- created is taken over as it is (Flyway baselines it at version 0, then this script finds every table
-- present). Inline REFERENCES are left out: MySQL ignores them, and the original relies on no foreign key.
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY NOT NULL AUTO_INCREMENT,
  email VARCHAR(75) NOT NULL,
  password VARCHAR(128) NOT NULL
);

CREATE TABLE IF NOT EXISTS pads (
  id INTEGER PRIMARY KEY AUTO_INCREMENT NOT NULL,
  name VARCHAR(100) NOT NULL,
  user_id INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS notes (
  id INTEGER PRIMARY KEY AUTO_INCREMENT NOT NULL,
  pad_id INTEGER,
  user_id INTEGER NOT NULL,
  name VARCHAR(100) NOT NULL,
  text TEXT NOT NULL,
  created_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP
);
