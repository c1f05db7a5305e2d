package io.notejam.common.mail;

/** A single-recipient, plain-text message: all either notejam ever sends. */
public record MailMessage(String from, String to, String subject, String body) {}
