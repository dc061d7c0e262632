/** Common Swedish names and Partille street names for demo data. */
export const GIVEN_NAMES_FEMALE = ['Alva', 'Elsa', 'Maja', 'Wilma', 'Ella', 'Ebba', 'Saga', 'Alice', 'Agnes', 'Lilly', 'Olivia', 'Stella', 'Freja', 'Ida', 'Nora', 'Selma', 'Moa', 'Linnea', 'Amira', 'Sara', 'Hanna', 'Tilde', 'Leah', 'Iris'];
export const GIVEN_NAMES_MALE = ['Oscar', 'William', 'Lucas', 'Liam', 'Hugo', 'Elias', 'Noah', 'Adam', 'Alexander', 'Ali', 'Viktor', 'Leo', 'Axel', 'Theo', 'Filip', 'Isak', 'Melvin', 'Anton', 'Emil', 'Omar', 'Ludvig', 'Edvin', 'Jonathan', 'Sixten'];
export const FAMILY_NAMES = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Lindström', 'Olofsson', 'Berg', 'Ahmed', 'Hassan', 'Mohammed', 'Nguyen', 'Kaya', 'Novak', 'Lund', 'Sandberg', 'Holm'];
export const STREETS = ['Gamla Kronvägen', 'Ugglumsvägen', 'Sävedalsvägen', 'Kåbovägen', 'Furulundsvägen', 'Landvettervägen', 'Göteborgsvägen', 'Prästgårdsvägen', 'Kyrktorget', 'Öjersjövägen', 'Brännekullavägen', 'Jonseredsvägen'];
export const POSTAL = [
  { code: '433 30', city: 'Partille' },
  { code: '433 31', city: 'Partille' },
  { code: '433 36', city: 'Partille' },
  { code: '433 51', city: 'Öjersjö' },
  { code: '433 63', city: 'Sävedalen' },
  { code: '433 75', city: 'Jonsered' },
];
export const NOTES = [
  'Pratade med skolans mentor. Eleven har haft hög frånvaro sedan vårterminen.',
  'Ungdomen vill gärna prova på praktik inom handel. Bokar studiebesök.',
  'Informationsmöte genomfört. Ungdomen fick med sig ansökan och samtyckesblankett.',
  'Uppföljning per telefon. Trivs på praktikplatsen, vill fortsätta.',
  'Vägledningssamtal med SYV om introduktionsprogram och vuxenutbildning.',
  'Ungdomen uteblev från bokat möte. Skickar sms och föreslår ny tid.',
  'Gick igenom handlingsplanens delmål. Två av tre klara.',
  'Har sökt jobb som lagerarbetare. Hjälpte till med CV.',
];
