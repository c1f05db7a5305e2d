-- The tables exactly as the original's SQLAlchemy create_all() made them (spec 2.1), so that the
-- original app and this one read the same rows. IF NOT EXISTS: over a database the original created,
-- Flyway baselines at version 0 and this script leaves the existing tables alone.
CREATE TABLE IF NOT EXISTS `user` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `email` VARCHAR(120),
  `password` VARCHAR(100),
  PRIMARY KEY (`id`),
  UNIQUE KEY `email` (`email`)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS `pad` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100),
  `user_id` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `pad_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE IF NOT EXISTS `note` (
  `id` INTEGER NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(100),
  `text` TEXT,
  `created_at` DATETIME,
  `updated_at` DATETIME,
  `user_id` INTEGER,
  `pad_id` INTEGER,
  PRIMARY KEY (`id`),
  CONSTRAINT `note_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `user` (`id`),
  CONSTRAINT `note_ibfk_2` FOREIGN KEY (`pad_id`) REFERENCES `pad` (`id`)
) DEFAULT CHARSET=utf8mb4;
