// The console's table: redeemed sign-in tokens (by hash), so each redeems once, and the end of
// each console session.

export interface ConsoleSigninTable {
  signin_id: string;
  created_at: number;
  expires_at: number;
  ended_at: number | null;
}

export interface ConsoleTables {
  console_signin: ConsoleSigninTable;
}
