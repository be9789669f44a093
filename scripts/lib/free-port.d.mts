/** A port nobody listens on right now, on 127.0.0.1, below the kernel's ephemeral range. */
export function freePort(): Promise<number>;
