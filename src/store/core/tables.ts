// Tables of the instance and of IAM users and keys. Times are epoch milliseconds.

export interface InstanceTable {
  instance_arn: string;
  identity_store_id: string;
  owner_account_id: string;
  name: string;
  status: string;
  created_at: number;
  admin_user_arn: string;
}

export interface IamUserTable {
  account_id: string;
  user_name: string;
  user_id: string;
  path: string;
  arn: string;
  created_at: number;
}

export interface IamAccessKeyTable {
  access_key_id: string;
  account_id: string;
  user_name: string;
  secret_sealed: string;
  status: string;
  created_at: number;
}

export interface CoreTables {
  instance: InstanceTable;
  iam_user: IamUserTable;
  iam_access_key: IamAccessKeyTable;
}
