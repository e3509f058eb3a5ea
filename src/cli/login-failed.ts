// A sign-in that did not complete for a reason the person should read (denied, expired, timed
// out), as opposed to a fault: the commands print its message alone.

export class LoginFailed extends Error {}
