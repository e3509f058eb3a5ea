// A configuration the server cannot start with; `gatehouse serve` prints its message and the help.

export class ConfigError extends Error {}
