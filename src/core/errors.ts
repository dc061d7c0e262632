/**
 * Stable error codes of the API, their HTTP status and a sentence a person can act on, in Swedish
 * and English. Responses are problem+json: { type, title, status, detail, code, errors? }.
 */
import { PASSWORD_MIN_LENGTH } from './passwords.js';

export const ERRORS = {
  validation_failed: {
    status: 400,
    sv: 'Några uppgifter saknas eller är felaktiga. Rätta de markerade fälten.',
    en: 'Some details are missing or invalid. Correct the marked fields.',
  },
  invalid_identity_number: {
    status: 400,
    sv: 'Personnumret eller samordningsnumret är inte giltigt.',
    en: 'The personal identity number or coordination number is not valid.',
  },
  not_authenticated: {
    status: 401,
    sv: 'Du är inte inloggad. Logga in och försök igen.',
    en: 'You are not signed in. Sign in and try again.',
  },
  invalid_credentials: { status: 401, sv: 'Fel e-postadress eller lösenord.', en: 'Wrong e-mail address or password.' },
  session_expired: {
    status: 401,
    sv: 'Din session har gått ut. Logga in igen.',
    en: 'Your session has expired. Sign in again.',
  },
  password_change_required: {
    status: 403,
    sv: 'Du måste byta ditt engångslösenord innan du kan fortsätta.',
    en: 'You must change your one-time password before you continue.',
  },
  forbidden: {
    status: 403,
    sv: 'Din roll ger inte behörighet till detta.',
    en: 'Your role does not give access to this.',
  },
  csrf_failed: {
    status: 403,
    sv: 'Begäran saknar giltig säkerhetstoken. Ladda om sidan och försök igen.',
    en: 'The request lacks a valid security token. Reload the page and try again.',
  },
  not_found: {
    status: 404,
    sv: 'Det du söker finns inte, eller så har du inte behörighet att se det.',
    en: 'What you are looking for does not exist, or you do not have access to it.',
  },
  duplicate_person: {
    status: 409,
    sv: 'Det finns redan en person med det personnumret.',
    en: 'A person with that identity number already exists.',
  },
  duplicate_email: {
    status: 409,
    sv: 'Det finns redan ett konto med den e-postadressen.',
    en: 'An account with that e-mail address already exists.',
  },
  version_conflict: {
    status: 409,
    sv: 'Någon annan har ändrat uppgifterna under tiden. Ladda om och gör ändringen igen.',
    en: 'Someone else changed this in the meantime. Reload and make your change again.',
  },
  invalid_correction: {
    status: 400,
    sv: 'Rättelsen måste gälla en anteckning på samma person.',
    en: 'A correction must refer to a note on the same person.',
  },
  last_administrator: {
    status: 409,
    sv:
      'Du kan inte ta bort din egen administratörsbehörighet eller stänga ditt eget konto. Be en annan ' +
      'administratör.',
    en: 'You cannot remove your own administrator rights or deactivate your own account. Ask another administrator.',
  },
  import_not_reviewable: {
    status: 409,
    sv: 'Importen väntar inte på granskning.',
    en: 'The import is not waiting for review.',
  },
  import_not_mappable: {
    status: 409,
    sv: 'Importen väntar inte på kolumnval.',
    en: 'The import is not waiting for a column mapping.',
  },
  skip_lines_mismatch: {
    status: 400,
    sv: 'Ange exakt de felaktiga raderna som ska hoppas över.',
    en: 'List exactly the invalid rows to skip.',
  },
  unreadable_file: {
    status: 400,
    sv: 'Filen kan inte läsas som CSV eller XLSX.',
    en: 'The file cannot be read as CSV or XLSX.',
  },
  no_population_list: {
    status: 409,
    sv: 'Det finns ingen godkänd folkbokföringslista att stämma av mot. Importera en först.',
    en: 'There is no accepted population list to reconcile against. Import one first.',
  },
  reconcile_future: {
    status: 400,
    sv:
      'Registret kan bara stämmas av till och med i dag. Förhandsgranska gärna ett senare datum, ' +
      'men tillämpa det först när dagen är här.',
    en:
      'The register can only be reconciled up to today. You may preview a later date, but apply it only ' +
      'when the day has come.',
  },
  reconcile_before_newest: {
    status: 409,
    sv: 'Registret är redan avstämt till ett senare datum. Välj det datumet eller ett senare.',
    en: 'The register has already been reconciled to a later date. Choose that date or a later one.',
  },
  category_not_allowed: {
    status: 403,
    sv: 'Du får inte se eller skriva uppgifter av den kategorin om personen. Samtycket täcker den inte för din enhet.',
    en:
      'You may not see or record information of that category about this person. The consent does not cover it for ' +
      'your unit.',
  },
  guardian_not_applicable: {
    status: 400,
    sv: 'Vårdnadshavare lämnar samtycke bara för den som är under 18 år.',
    en: 'A guardian gives consent only for someone under 18.',
  },
  duplicate_team: {
    status: 409,
    sv: 'Det finns redan ett team med det namnet.',
    en: 'A team with that name already exists.',
  },
  duplicate_unit: {
    status: 409,
    sv:
      'Det finns redan en enhet med det namnet i kommunen (stora och små bokstäver räknas lika). Välj ett annat ' +
      'namn eller aktivera den befintliga enheten.',
    en:
      'The municipality already has a unit with that name (upper and lower case count ' +
      'as the same). Choose another name or reactivate the existing unit.',
  },
  last_kaa_unit: {
    status: 409,
    sv: 'Minst en enhet måste vara aktivitetsansvarets egen. Markera en annan enhet som KAA-enhet först.',
    en: "At least one unit must be the activity responsibility's own. Mark another unit as a KAA unit first.",
  },
  unsupported_file: {
    status: 415,
    sv: 'Skanningen måste vara en PDF-, JPEG- eller PNG-fil på högst 10 MB.',
    en: 'The scan must be a PDF, JPEG or PNG file of at most 10 MB.',
  },
  application_decided: {
    status: 409,
    sv: 'Ansökan är redan beslutad.',
    en: 'The application has already been decided.',
  },
  invalid_outcome: {
    status: 400,
    sv: 'Utfallet passar inte för den kanalen, eller sysselsättning angavs fast personen inte nåddes.',
    en: 'The outcome does not fit that channel, or an occupation was given although the person was not reached.',
  },
  future_attempt: {
    status: 400,
    sv: 'Ett kontaktförsök kan inte registreras i framtiden.',
    en: 'A contact attempt cannot be recorded in the future.',
  },
  self_grant_forbidden: {
    status: 403,
    sv: 'Du kan inte ge dig själv behörighet till skyddade kontaktuppgifter. Be en annan samordnare.',
    en: 'You cannot give yourself access to protected contact details. Ask another coordinator.',
  },
  reason_too_short: {
    status: 400,
    sv: 'Skriv ett skäl på minst 10 tecken som säger varför behörigheten behövs.',
    en: 'Write a reason of at least 10 characters that says why the access is needed.',
  },
  idempotency_key_reused: {
    status: 400,
    sv: 'Den här Idempotency-Key har redan använts för en annan person. Skicka med en ny nyckel.',
    en: 'This Idempotency-Key was already used for another person. Send a new key.',
  },
  future_consent: {
    status: 400,
    sv: 'Ett samtycke kan inte ha lämnats senare än i dag.',
    en: 'A consent cannot have been given later than today.',
  },
  contact_details_hidden: {
    status: 403,
    sv: 'Personen har skyddade personuppgifter och du har inte behörighet till kontaktuppgifterna.',
    en: 'The person has a protected identity and you have no access to the contact details.',
  },
  no_phone_number: {
    status: 409,
    sv: 'Det finns inget mobilnummer att skicka till.',
    en: 'There is no mobile number to send to.',
  },
  sms_opted_out: {
    status: 409,
    sv: 'Numret har svarat STOP och tar inte emot sms från oss.',
    en: 'The number has replied STOP and does not take text messages from us.',
  },
  sms_failed: {
    status: 502,
    sv: 'Sms-tjänsten bekräftade inte meddelandet. Det står som misslyckat under Sms; skicka ett nytt om en stund.',
    en:
      'The SMS gateway did not confirm the message. It is listed ' +
      'as failed under Text messages; send a new one shortly.',
  },
  template_unsafe: {
    status: 400,
    sv: 'Mallen får bara innehålla tillåtna platshållare och inga personnummer eller känsliga uppgifter.',
    en: 'The template may hold only the allowed placeholders and no identity numbers or sensitive details.',
  },
  notice_too_late: {
    status: 400,
    sv: 'Ett aviserat hembesök måste ligga så långt fram att aviseringen hinner skickas i tid.',
    en: 'An announced home visit must be far enough ahead for the notice to be sent in time.',
  },
  two_staff_required: {
    status: 400,
    sv: 'Ett hembesök kräver två olika medarbetare.',
    en: 'A home visit needs two different staff members.',
  },
  nothing_to_print: { status: 409, sv: 'Det finns inga brev att skriva ut.', en: 'There are no letters to print.' },
  weak_password: {
    status: 400,
    sv: `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken och får inte vara samma som det gamla.`,
    en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters and differ from the old one.`,
  },
  too_many_attempts: {
    status: 429,
    sv: 'För många misslyckade inloggningar. Vänta en stund och försök igen.',
    en: 'Too many failed sign-ins. Wait a while and try again.',
  },
  database_busy: {
    status: 503,
    sv: 'Databasen används av ett annat Lotsa-program. Försök igen om en stund.',
    en: 'The database is in use by another Lotsa process. Try again shortly.',
  },
  confirm_leaving: {
    status: 409,
    sv:
      'Avstämningen för ut {{leaving}} av {{inRegister}} personer ur registret. Kontrollera listan och bekräfta ' +
      'antalet som lämnar ({{leaving}}) för att genomföra den.',
    en:
      'The reconciliation takes {{leaving}} of {{inRegister}} persons out of the register. Check the list ' +
      'and confirm the number leaving ({{leaving}}) to apply it.',
  },
  population_shrank: {
    status: 409,
    sv:
      'Folkbokföringslistan har {{residents}} invånare, ' +
      'den förra hade {{previousResidents}}. Kontrollera att filen är hel och bekräfta att den ändå ska användas.',
    en:
      'The population list has {{residents}} residents, ' +
      'the previous one had {{previousResidents}}. Check that the file is complete ' +
      'and confirm that it should be used anyway.',
  },
  database_unavailable: {
    status: 503,
    sv: 'Förbindelsen med databasen bröts. Försök igen om en stund och kontrollera då att det du skickade finns med.',
    en: 'The connection to the database was lost. Try again shortly, and check then that what you sent is there.',
  },
  payload_too_large: {
    status: 413,
    sv: 'Det du skickade är för stort. Skicka mindre på en gång, till exempel en kortare text.',
    en: 'What you sent is too large. Send less at a time, for example a shorter text.',
  },
  unsupported_media_type: {
    status: 415,
    sv: 'Servern kan inte läsa det format du skickade. Skicka JSON (application/json).',
    en: 'The server cannot read the format you sent. Send JSON (application/json).',
  },
  invalid_json: {
    status: 400,
    sv: 'Det du skickade är inte giltig JSON. Rätta formatet och skicka igen.',
    en: 'What you sent is not valid JSON. Correct the format and send it again.',
  },
  uri_too_long: {
    status: 414,
    sv: 'Adressen är för lång. Sök på färre ord eller dela upp sökningen.',
    en: 'The address is too long. Search for fewer words or split the search.',
  },
  headers_too_large: {
    status: 431,
    sv: 'Begärans huvuden är för stora. Ta bort gamla kakor för webbplatsen och försök igen.',
    en: 'The request headers are too large. Remove old cookies for the site and try again.',
  },
  internal_error: {
    status: 500,
    sv: 'Något gick fel hos oss. Försök igen; kvarstår felet, kontakta supporten.',
    en: 'Something went wrong on our side. Try again; if it persists, contact support.',
  },
  outcome_required: {
    status: 400,
    sv:
      'Välj vad som hände vid kontaktförsöket. Inget utfall är förvalt: bara ett samtal eller ett möte räknas som ' +
      'att personen är nådd.',
    en:
      'Choose what happened in the contact attempt. No outcome is preselected: only a conversation ' +
      'or a meeting counts as reaching the person.',
  },
  sms_text_unsafe: {
    status: 400,
    sv:
      'Texten i sms:et får inte innehålla personnummer (inte heller med mellanslag eller bindestreck) eller ' +
      'platshållare. Skriv bara dag och tid.',
    en:
      'The text message may not hold an identity number (not even with spaces or hyphens) ' +
      'or placeholders. Write only the day and time.',
  },
  sms_not_awaiting_confirmation: {
    status: 409,
    sv:
      'Sms:et väntar inte på bekräftelse: det är redan bekräftat som skickat, ' +
      'har skickats via sms-tjänsten eller har misslyckats.',
    en:
      'The text message is not awaiting confirmation: it is already confirmed as sent, ' +
      'went through the SMS gateway, or failed.',
  },
  common_password: {
    status: 400,
    sv:
      'Lösenordet är för vanligt eller lätt att gissa (till exempel upprepade tecken, ' +
      'en teckenföljd eller ett vanligt ord med siffror). Välj flera ord som inte hör ihop.',
    en:
      'The password is too common or easy to guess (such as repeated characters, a sequence, ' +
      'or a common word with digits). Choose several words that do not belong together.',
  },
  emergency_reason_too_short: {
    status: 400,
    sv: 'Skriv ett skäl på minst 20 tecken som säger varför du behöver nödåtkomst just nu.',
    en: 'Write a reason of at least 20 characters that says why you need emergency access right now.',
  },
  emergency_not_allowed: {
    status: 403,
    sv:
      'Kommunen tillåter inte nödåtkomst för din roll eller enhet. Kontakta en KAA-samordnare om ungdomen behöver ' +
      'hjälp.',
    en:
      'The municipality does not allow emergency access for your role ' +
      'or unit. Contact a KAA coordinator if the young person needs help.',
  },
  emergency_request_decided: {
    status: 409,
    sv: 'Begäran om nödåtkomst är redan besvarad.',
    en: 'The emergency-access request has already been answered.',
  },
  emergency_requester_not_allowed: {
    status: 409,
    sv: 'Den som begärde nödåtkomsten är inte längre aktiv eller får inte längre öppna nödåtkomst. Neka begäran.',
    en:
      'The person who asked for emergency access is no longer active ' +
      'or may no longer open emergency access. Deny the request.',
  },
  self_approval_forbidden: {
    status: 403,
    sv: 'Du kan inte besvara din egen begäran om nödåtkomst. Be en annan samordnare.',
    en: 'You cannot answer your own emergency-access request. Ask another coordinator.',
  },
  outside_kaa_age: {
    status: 400,
    sv:
      'Personen är inte i den ålder aktivitetsansvaret gäller (under 20 år). Kontrollera personnumret: ett + i ' +
      'numret betyder att personen har fyllt 100.',
    en:
      'The person is not of the age the activity responsibility covers (under 20). Check the identity number: a + ' +
      'in it means the person has turned 100.',
  },
  code_self_issue_forbidden: {
    status: 403,
    sv:
      'Du kan inte lämna ut en engångskod som du själv har begärt eller som gäller dig. Be en annan administratör ' +
      'eller samordnare.',
    en:
      'You cannot issue a one-time code you requested yourself or that is for you. Ask another administrator ' +
      'or coordinator.',
  },
  code_request_expired: {
    status: 409,
    sv:
      'Begäran om engångskod är äldre än sju dagar och har gått ut. Be en administratör att återställa lösenordet ' +
      'igen.',
    en:
      'The request for a one-time code is more than seven days old ' +
      'and has expired. Ask an administrator to reset the password again.',
  },
  assessment_completed: {
    status: 409,
    sv: 'Kartläggningen är avslutad och kan inte ändras. Gör en ny version om något har ändrats.',
    en: 'The assessment is completed and cannot be changed. Make a new version if something has changed.',
  },
  section_not_shareable: {
    status: 409,
    sv:
      'Den här delen av kartläggningen kan inte delas med den unga. Delar om hälsa och social situation visas ' +
      'aldrig i Mitt Lotsa.',
    en: 'This part of the assessment cannot be shared with the young person. Health and social parts are never shown.',
  },
  note_not_shareable: {
    status: 409,
    sv:
      'Anteckningen kan inte visas för den unga. Anteckningar om hälsa och social situation visas aldrig i ' +
      'Mitt Lotsa.',
    en: 'This note cannot be shown to the young person. Notes on health and social matters are never shown.',
  },
  assessment_draft_exists: {
    status: 409,
    sv: 'Det finns redan ett utkast till kartläggning för personen. Fortsätt på det i stället.',
    en: 'There is already a draft assessment for this person. Continue with that one instead.',
  },
  assessment_incomplete: {
    status: 400,
    sv: 'Kartläggningen kan inte avslutas än. Fyll i de markerade uppgifterna först.',
    en: 'The assessment cannot be completed yet. Fill in the marked details first.',
  },
  code_already_issued: {
    status: 409,
    sv: 'Engångskoden är redan utlämnad.',
    en: 'The one-time code has already been issued.',
  },
  case_closed: {
    status: 409,
    sv: 'Ärendet är avslutat och kan inte ändras. Ta upp personen i ett nytt ärende om arbetet ska fortsätta.',
    en: 'The case is closed and cannot be changed. Take the person on in a new case if the work is to continue.',
  },
  case_already_open: {
    status: 409,
    sv: 'Personen har redan ett öppet ärende. Fortsätt arbetet i det.',
    en: 'The person already has an open case. Continue the work in that one.',
  },
  follow_up_recorded: {
    status: 409,
    sv: 'Uppföljningen är redan registrerad. Ladda om sidan för att se resultatet.',
    en: 'The follow-up has already been recorded. Reload the page to see its result.',
  },
  invalid_code: {
    status: 401,
    sv: 'Koden stämmer inte, eller så är den för gammal. Be om en ny kod.',
    en: 'The code is wrong or too old. Ask for a new code.',
  },
  too_many_code_attempts: {
    status: 429,
    sv: 'Du har försökt för många gånger. Vänta en stund och försök igen.',
    en: 'You have tried too many times. Wait a while and try again.',
  },
  not_your_step: {
    status: 409,
    sv: 'Det här steget är inte ditt att bocka av.',
    en: 'This step is not yours to mark as done.',
  },
  signature_request_outdated: {
    status: 409,
    sv: 'Det här går inte att signera längre. Be din kontaktperson att göra ett nytt.',
    en: 'This can no longer be signed. Ask your contact person to make a new one.',
  },
  already_signed: {
    status: 409,
    sv: 'Ungdomen har redan signerat. Återkalla samtycket eller besluta om ansökan i stället.',
    en: 'The young person has already signed. Withdraw the consent or decide on the application instead.',
  },
} as const satisfies Record<string, { status: number; sv: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Language = 'sv' | 'en';

/** Field-level messages used in `errors[]` of a validation problem. */
export const FIELD_MESSAGES = {
  required: { sv: 'Fältet måste fyllas i.', en: 'This field is required.' },
  invalid: { sv: 'Värdet är inte giltigt.', en: 'The value is not valid.' },
  format: { sv: 'Skriv numret som ÅÅÅÅMMDD-NNNN.', en: 'Write the number as YYYYMMDD-NNNN.' },
  date: { sv: 'Datumet i numret finns inte.', en: 'The date in the number does not exist.' },
  checksum: {
    sv: 'Kontrollsiffran stämmer inte. Kontrollera numret.',
    en: 'The check digit does not match. Check the number.',
  },
  serial: { sv: 'Födelsenumret kan inte vara 000.', en: 'The serial number cannot be 000.' },
  email: { sv: 'Skriv en giltig e-postadress.', en: 'Write a valid e-mail address.' },
  too_long: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  too_short: { sv: 'Texten är för kort.', en: 'The text is too short.' },
  unsafe_text: {
    sv:
      'Texten innehåller tecken som inte kan sparas (ett nolltecken eller en ofullständig teckenkod). Skriv in ' +
      'texten på nytt.',
    en: 'The text holds characters that cannot be stored (a NUL or an incomplete character code). Type the text again.',
  },
  contact_person_without_access: {
    sv:
      'Personen kan inte öppna ärendet och kan därför inte vara kontaktperson. Välj en KAA-samordnare eller någon ' +
      'från aktivitetsansvarets egna enheter.',
    en:
      'This person cannot open the case, so cannot be its contact person. Choose a KAA coordinator or someone ' +
      'from the activity responsibility’s own units.',
  },
  phone: {
    sv: 'Skriv ett svenskt telefonnummer (070-123 45 67) eller ett internationellt (+46 70 123 45 67).',
    en: 'Write a Swedish phone number (070-123 45 67) or an international one (+46 70 123 45 67).',
  },
  postal_code: {
    sv: 'Skriv postnumret med fem siffror (433 30).',
    en: 'Write the postal code as five digits (433 30).',
  },
  org_number: {
    sv:
      'Skriv ett giltigt organisationsnummer, NNNNNN-NNNN. Kontrollsiffran stämmer inte eller antalet siffror är ' +
      'fel.',
    en:
      'Write a valid organisation number, NNNNNN-NNNN. The check digit does not match ' +
      'or the number of digits is wrong.',
  },
  end_before_start: {
    sv: 'Datumet kan inte ligga före startdatumet.',
    en: 'The date cannot be before the start date.',
  },
  kaa_age: {
    sv: 'Personen är 20 år eller äldre, eller inte född än, och omfattas inte av aktivitetsansvaret.',
    en: 'The person is 20 or older, or not yet born, and is not covered by the activity responsibility.',
  },
  before_case_opened: {
    sv: 'Dagen kan inte ligga före den dag ärendet öppnades.',
    en: 'The day cannot be before the day the case was opened.',
  },
  in_future: { sv: 'Dagen kan inte ligga efter i dag.', en: 'The day cannot be after today.' },
  close_with_outcome: {
    sv: 'Ett ärende avslutas med ett utfall: använd Avsluta ärende.',
    en: 'A case is closed with an outcome: use Close case.',
  },
  meeting_on_day: { sv: 'Teamet har redan ett möte den dagen.', en: 'The team already has a meeting that day.' },
  no_open_case: { sv: 'Personen har inget öppet ärende.', en: 'The person has no open case.' },
  not_in_recurrence: {
    sv: 'Aktiviteten har inget tillfälle den dagen.',
    en: 'The activity has no session on that day.',
  },
  session_cancelled: { sv: 'Tillfället är inställt.', en: 'The session is cancelled.' },
  activity_closed: {
    sv: 'Aktiviteten har stängt den dagen: välj en dag utanför dess stängda perioder.',
    en: 'The activity is closed that day: choose a day outside its closed periods.',
  },
  not_enrolled: {
    sv: 'Personen är inte inskriven i aktiviteten den dagen.',
    en: 'The person is not enrolled in the activity on that day.',
  },
  overlapping_enrolment: {
    sv: 'Personen är redan inskriven i aktiviteten under en del av perioden.',
    en: 'The person is already enrolled in the activity for part of that period.',
  },
  activity_full: {
    sv: 'Aktiviteten har inga lediga platser den perioden.',
    en: 'The activity has no free places in that period.',
  },
  duplicate: { sv: 'Samma person finns med två gånger.', en: 'The same person is listed twice.' },
} as const;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** One invalid field of a request: where (a JSON pointer-like path) and why. */
export type FieldError = { field: string; code: FieldMessageKey; message: string };

/** The problem+json body every error response has. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  /**
   * Figures the sentence names (e.g. `leaving` and `inRegister` for confirm_leaving), for clients to show or act on.
   */
  leaving?: number;
  inRegister?: number;
  residents?: number;
  previousResidents?: number;
};

/** The figures an error can carry into its problem+json body and sentence. */
export const PROBLEM_PARAMS = ['leaving', 'inRegister', 'residents', 'previousResidents'] as const;
/** Figures an error can carry into its problem+json body and sentence. */
export type ProblemParams = Partial<Record<(typeof PROBLEM_PARAMS)[number], number>>;
