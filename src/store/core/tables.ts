// The instance table. Times are epoch milliseconds everywhere.

export interface InstanceTable {
  instance_arn: string;
  identity_store_id: string;
  owner_account_id: string;
  name: string;
  status: string;
  created_at: number;
  admin_user_arn: string;
}

export interface CoreTables {
  instance: InstanceTable;
}
