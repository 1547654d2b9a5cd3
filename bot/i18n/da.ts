// The Danish message catalogue: the default language of the app. Keys are grouped by capability.
export const da = {
  // api
  'api.badJson': 'Forespørgslen er ikke gyldig JSON.',
  'api.tooLarge': 'Forespørgslen er for stor (højst {limit} bytes).',
  'api.invalidInput': 'Nogle felter er ikke udfyldt korrekt.',
  'api.notFound': 'Det findes ikke (eller er slettet).',
  'api.networkNotFound': 'Netværket findes ikke.',
  'api.forbidden': 'Du har ikke adgang til dette.',
  'api.forbiddenEdit': 'Kun netværkslederen og co-driveren kan ændre planen.',
  'api.unauthenticated': 'Du er ikke logget ind.',
  'api.devIdentityRequired': 'Vælg en udviklingsidentitet (header X-Dev-User) — der er ikke konfigureret Entra ID.',
  'api.invalidToken': 'Dit login kunne ikke godkendes. Genindlæs fanen og prøv igen.',
  'api.conflict': 'En anden har ændret dette, siden du hentede det. Genindlæs for at se den nyeste version — din tekst er ikke tabt.',
  'api.alreadyExists': 'Det findes allerede.',
  'api.ifMatchRequired': 'Mangler versionsangivelse (If-Match). Genindlæs og prøv igen.',
  'api.storageUnavailable': 'Lageret svarer ikke lige nu. Intet er gemt — prøv igen om lidt.',
  'api.internal': 'Der skete en uventet fejl. Prøv igen.',
  'api.unsupportedMediaType': 'Forespørgslen skal være JSON (Content-Type: application/json).',
  // bot
  'bot.welcome': 'Hej! Jeg er Netværk. Jeg hjælper netværksledere og deltagere med at planlægge netværksmøder, sende dagsordener, samle refleksioner og idéer og aflevere leverancen til Chefforum. Skriv "hjælp" for at se, hvad jeg kan.',
  'bot.help.title': 'Netværk — det kan jeg',
  'bot.help.body': 'Netværk samler jeres netværksforløb i Teams: temaet, deltagerne og møderne i fanen "Plan", dagsordener før hvert møde, refleksionsspørgsmål efter møderne, idé-parkeringspladsen og leverancen til Chefforum.',
  'bot.help.commands': 'Kommandoer: "hjælp" · "næste møde" · "idéer" · "mine refleksioner"',
  'bot.help.comingSoon': 'Dagsordener, refleksioner og idéer kommer som kort i chatten, når netværket er planlagt i fanen.',
  'bot.unknown': 'Det forstod jeg ikke helt. Skriv "hjælp" for at se, hvad jeg kan.',
  // validation (domain) — keys 'validation.*'
  // advice (domain) — keys 'advice.*'
  // phases and labels (domain) — keys 'phase.*', 'label.*'
  // auth — keys 'auth.*'
  // more bot — keys 'bot.*'
} as const;

export type MessageKey = keyof typeof da;
