#!/bin/bash
# Runs once, on the first start of an empty MySQL volume (docker-entrypoint-initdb.d).
# One schema and one least-privilege user per service, as each Fargate service has on RDS.
set -euo pipefail

mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS notejam_express CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS notejam_flask CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'express'@'%' IDENTIFIED BY '${EXPRESS_DB_PASSWORD}';
CREATE USER IF NOT EXISTS 'flask'@'%' IDENTIFIED BY '${FLASK_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON notejam_express.* TO 'express'@'%';
GRANT ALL PRIVILEGES ON notejam_flask.* TO 'flask'@'%';
SQL
