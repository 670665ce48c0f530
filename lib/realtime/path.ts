export const REALTIME_PATH = "/api/realtime";
