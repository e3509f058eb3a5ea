// The attribute paths UpdateGroup accepts. `externalIds` is a Gatehouse addition, as for users.

import { externalIdsValue, groupDisplayNameString, sensitiveString } from './attribute-values.js';
import { EXTERNAL_IDS_MEMBER, type AttributeTable } from './update-operations.js';

export const GROUP_ATTRIBUTES: AttributeTable = {
  displayName: { member: 'DisplayName', check: groupDisplayNameString },
  description: { member: 'Description', check: sensitiveString },
  externalIds: { member: EXTERNAL_IDS_MEMBER, check: externalIdsValue },
};
