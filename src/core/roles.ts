/**
 * Staff roles and what each may do, by role alone. Which records a role may touch is decided
 * per record by the server's access module; this table only says which kinds of work a role does.
 */
export const ROLES = [
  'administrator',
  'coordinator',
  'youth_coach',
  'team_member',
  'school_reporter',
  'manager',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that can be a case's contact person (the server checks the same, with the unit rule in access). */
export const CONTACT_PERSON_ROLES = ['coordinator', 'youth_coach', 'team_member'] as const satisfies readonly Role[];

export const CAPABILITIES = [
  'persons.browse',
  'persons.create',
  'persons.edit',
  'cases.assign',
  'protected.grant',
  'imports.run',
  'register.read',
  'notifications.inbox',
  'notes.write',
  'staff.list',
  'staff.manage',
  'audit.read',
  'figures.read',
  'notifications.submit',
  'consents.manage',
  'emergency.access',
  'applications.manage',
  'teams.read',
  'teams.manage',
  'extract.produce',
  'access.review',
  'settings.manage',
  'outreach.work',
  'outreach.configure',
  'calendar.use',
  'emergency.approve',
  'sign_in_codes.issue',
  'offers.manage',
  'measures.write',
  'activities.manage',
  'attendance.take',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** Role → capabilities. Default deny: a capability not listed is not granted. */
export const PERMISSIONS: Record<Role, readonly Capability[]> = {
  administrator: [
    'staff.list',
    'staff.manage',
    'audit.read',
    'figures.read',
    'teams.read',
    'teams.manage',
    'access.review',
    'settings.manage',
    'sign_in_codes.issue',
  ],
  coordinator: [
    'persons.browse',
    'persons.create',
    'persons.edit',
    'cases.assign',
    'protected.grant',
    'imports.run',
    'register.read',
    'notifications.inbox',
    'notifications.submit',
    'notes.write',
    'staff.list',
    'figures.read',
    'consents.manage',
    'emergency.access',
    'applications.manage',
    'teams.read',
    'teams.manage',
    'extract.produce',
    'outreach.work',
    'outreach.configure',
    'calendar.use',
    'emergency.approve',
    'sign_in_codes.issue',
    'offers.manage',
    'measures.write',
    'activities.manage',
    'attendance.take',
  ],
  youth_coach: [
    'persons.browse',
    'persons.edit',
    'notes.write',
    'staff.list',
    'figures.read',
    'consents.manage',
    'emergency.access',
    'applications.manage',
    'teams.read',
    'outreach.work',
    'calendar.use',
    'measures.write',
    'activities.manage',
    'attendance.take',
  ],
  team_member: [
    'persons.browse',
    'notes.write',
    'figures.read',
    'consents.manage',
    'emergency.access',
    'teams.read',
    'outreach.work',
    'calendar.use',
    'measures.write',
    'attendance.take',
  ],
  school_reporter: ['notifications.submit'],
  manager: ['figures.read'],
};

/** True when the role has the capability. */
export function roleCan(role: Role, capability: Capability): boolean {
  return PERMISSIONS[role].includes(capability);
}
