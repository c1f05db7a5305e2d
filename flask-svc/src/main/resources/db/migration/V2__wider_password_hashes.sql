-- New hashes are pbkdf2:sha256:<iterations>$<16-char salt>$<64 hex> (up to ~110 characters), which
-- the original's VARCHAR(100) cannot hold. Legacy sha1$salt$hex values (54 characters) still fit.
ALTER TABLE `user` MODIFY `password` VARCHAR(255);
