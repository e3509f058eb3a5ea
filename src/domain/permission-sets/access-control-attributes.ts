// Attributes for access control (ABAC): which identity-store attributes become session tags.
// One configuration per instance; it is stored now and read when sessions are issued.

export interface AccessControlAttribute {
  readonly key: string;
  /** The model allows exactly one source, e.g. `${path:enterprise.department}`. */
  readonly source: readonly string[];
}

export interface AccessControlAttributeConfiguration {
  readonly instanceArn: string;
  readonly attributes: readonly AccessControlAttribute[];
  /** The model's InstanceAccessControlAttributeConfigurationStatus: stored at once, so ENABLED. */
  readonly status: 'ENABLED';
  readonly updatedAt: number;
}
