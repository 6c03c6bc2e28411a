/** Hashes and checks passwords (argon2id in production). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail (SMTP in production; tests run a real SMTP server in-process). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}
