/** The services the simulator offers by default (see services.mjs). */
export const defaultServices: { service_code: string; [key: string]: unknown }[];
