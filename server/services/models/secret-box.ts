import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for secrets at rest. The stored text is `v1.<key id>.<iv>.<tag>.<ciphertext>`
 * (base64url parts): the key id (a hash prefix of the key, never the key) lets a wrong or
 * rotated ARBITER_SECRET_KEY fail with a clear message instead of an opaque auth-tag error, and
 * the associated data binds a ciphertext to its row, so it cannot be copied onto another one.
 */
const VERSION = "v1";

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 8);
}

export function sealSecret(key: Buffer, plaintext: string, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, keyId(key), iv.toString("base64url"), tag.toString("base64url"), ciphertext.toString("base64url")].join(".");
}

export class SecretUnreadableError extends Error {
  override readonly name = "SecretUnreadableError";
}

export function openSecret(key: Buffer, sealed: string, associatedData: string): string {
  const [version, id, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !id || !iv || !tag || ciphertext === undefined) {
    throw new SecretUnreadableError("The stored API key is not in a format this version can read.");
  }
  if (id !== keyId(key)) {
    throw new SecretUnreadableError(
      "The stored API key was encrypted with a different ARBITER_SECRET_KEY; restore that key or enter the API key again.",
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(associatedData, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnreadableError("The stored API key failed its integrity check; enter the API key again.");
  }
}
