/** A regex alternation of word-list phrases, longest first; a space matches any whitespace. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}

// Word lists shared by the attribution, claim and puffery rules, in the languages releases
// are republished in. Kept in one place so settings can extend them.

/** Reporting verbs whose subject is the source ("X said", "said X"). */
export const REPORTING_VERBS = [
  // English
  "said", "says", "say", "told", "tells", "stated", "states", "noted", "notes", "added", "adds",
  "stressed", "stresses", "emphasized", "emphasizes", "emphasised", "emphasises", "highlighted", "highlights",
  "reaffirmed", "reaffirms", "reiterated", "reiterates", "urged", "urges", "called for", "calls for",
  "outlined", "outlines", "responded", "responds", "explained", "explains", "cited", "cites", "voiced",
  "commented", "comments", "remarked", "observed", "pointed out", "points out", "acknowledged", "argued", "argues",
  "warned", "warns", "predicted", "predicts", "believes", "continued", "concluded", "shared", "expressed",
  "affirmed", "asserted", "declared", "wrote", "writes", "reported", "reports", "confirmed", "confirms", "announced",
  "commented", "recalled", "insisted", "suggested", "suggests", "cautioned", "mentioned", "agreed", "raised concerns", "has raised concerns",
  "conceded", "concedes", "warn", "labelled", "labeled", "described", "describes", "observes", "notes that", "maintains", "contends", "estimated",
  "erläutert", "erläuterte", "umriss", "berichtet", "berichtete", "fordert", "forderte", "warnt", "warnte",
  "a précisé", "précise", "a estimé", "estime", "a rappelé", "rappelle", "a indiqué", "souligne", "selon lui", "selon elle",
  "aseguró", "sostuvo", "advirtió", "precisó", "manifestó", "ha precisato", "ha ricordato", "ha osservato", "sottolinea", "ressalta", "avaliou",
  // German
  "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "ergänzte", "ergänzt", "meinte", "meint", "fügte hinzu", "so",
  "kommentierte", "kommentiert", "kündigte an", "unterstrich", "hob hervor", "zeigte sich",
  // French
  "a déclaré", "déclare", "a dit", "a souligné", "souligne", "a expliqué", "explique", "a ajouté", "ajoute", "affirme", "a affirmé", "indique", "a indiqué",
  // Spanish
  "dijo", "afirmó", "señaló", "declaró", "explicó", "agregó", "añadió", "destacó", "comentó", "subrayó", "indicó", "aseguró", "expresó",
  // Italian
  "ha detto", "ha dichiarato", "ha affermato", "ha spiegato", "ha aggiunto", "ha sottolineato", "dichiara", "afferma", "spiega",
  // Portuguese
  "disse", "afirmou", "declarou", "explicou", "acrescentou", "destacou", "comentou", "ressaltou",
];

/** Participle cues whose subject is the clause's subject ("Putin responded, saying …"). */
export const PARTICIPLE_CUES = ["saying", "noting", "adding", "stressing", "urging", "citing", "explaining", "stating", "emphasizing", "emphasising", "highlighting", "reiterating", "arguing", "warning"];

/** Prepositional cues whose object is the source ("according to X"). */
export const SOURCE_PREPOSITIONS = [
  "according to", "as reported by", "as per", "per", "as noted in", "as noted by", "as stated in", "as reported in", "as shown in",
  "as shown by", "as illustrated by", "data from", "figures from", "estimates from", "in a report by", "in a study by", "cited by",
  "laut", "zufolge", "nach angaben", "gemäß",
  "selon", "d'après",
  "según", "de acuerdo con",
  "secondo", "stando a",
  "segundo", "de acordo com",
];

/** Verbs by which a document or data set speaks ("the survey found", "data shows"). */
export const DOCUMENT_VERBS = [
  "found", "finds", "shows", "showed", "show", "revealed", "reveals", "reveal", "indicates", "indicated", "indicate",
  "suggests", "suggested", "estimates", "estimated", "projects", "projected", "documented", "has documented", "have documented",
  "concluded", "concludes", "reports", "reported", "highlights", "notes", "states", "predicts", "predicted", "forecasts", "forecast",
  "projects", "expects", "says", "said", "confirms", "confirmed", "demonstrates", "demonstrated", "identifies", "identified",
  "zeigt", "zeigen", "ergab", "montre", "révèle", "muestra", "revela", "mostra", "rivela",
];

/** Subjects that name nobody: a cue with one of these is a vague attribution. */
export const VAGUE_SUBJECTS = [
  "analysis", "analyses", "analysts", "experts", "observers", "sources", "insiders", "officials", "critics", "commentators",
  "studies", "research", "new research", "recent research", "a study", "a recent study", "a new study", "recent studies",
  "reports", "data", "official data", "the data", "statistics", "official statistics", "figures", "estimates", "projections",
  "a survey", "a new survey", "a new national survey", "surveys", "polls", "industry experts", "industry analysts",
  "market analysts", "economists", "market commentators", "recent developments", "critics", "skeptics", "proponents", "advocates", "many", "some", "people familiar with the matter",
  "recent clinical trials", "clinical trials", "evidence", "documented evidence", "the industry", "industry observers",
  "la industria", "los expertos", "les experts", "die experten", "gli esperti", "os especialistas", "die branche", "analysten", "beobachter",
];

/** Fixed vague phrases without a grammatical subject. */
export const VAGUE_PHRASES = [
  "it is widely believed", "it is believed", "it is widely known", "widely regarded", "widely considered", "widely recognized",
  "is believed to", "are believed to", "it is estimated", "it is expected", "it has been reported", "reportedly",
  "many believe", "some say", "experts agree", "it is said", "studies have shown", "research has shown",
  "known for", "conocida por", "conocido por", "man geht davon aus",
  "projections indicating", "projections indicate",
];

/** Words that make a person's title or role, stripped from a name ("President Xi Jinping"). */
export const TITLE_WORDS = new Set(
  (
    "president vice chief executive officer ceo cfo coo cto cmo chairman chairwoman chair founder co-founder cofounder " +
    "director managing senior general manager head secretary minister prime deputy governor mayor senator representative " +
    "professor prof dr mr mrs ms sir dame lord lady king queen prince premier chancellor commissioner ambassador councilmember " +
    "councilwoman councilman council member members chinese russian u.s. american british french german japanese us " +
    "executive editor spokesperson spokesman spokeswoman partner principal lead leader analyst economist researcher " +
    "assistant associate commerce labor education department administrator superintendent judge attorney sheriff " +
    "herr frau monsieur madame señor señora dott. doctor el la der die le the of and für de del des " +
    "people operating operations financial technology marketing commercial strategy strategic business product revenue medical " +
    "scientific science research development communications growth digital global regional national international co-author author " +
    "first lead corresponding councilmembers councilmember vorsitzende vorsitzender geschäftsführer director ejecutivo presidente directora gerente"
  ).split(" "),
);

/** Evaluative, causal, predictive and trend cues that make a sentence a claim. */
export const CLAIM_CUES = [
  // evaluative
  "underscore", "underscores", "underscored", "underscoring", "underline", "underlines", "highlights the", "demonstrates", "demonstrate",
  "reflects", "reflect", "reflecting", "represents an", "represents a", "marks a", "signals", "proves", "validates",
  "the most devastating", "the most important", "among the most common", "the most common", "the most significant", "the most persistent",
  "the most damaging", "the most severe", "the most serious", "the most dangerous", "the most pressing", "the most effective",
  "is critical", "are critical", "become critical", "becomes critical", "critical moment", "critical role", "critical need", "critical gaps",
  "crucial", "essential role", "unprecedented", "staggering", "devastating", "dramatic", "dramatically", "severe", "severely", "tremendous",
  "record levels", "important step", "important implications", "dominant", "dominate", "dominates",
  "urgent", "urgency", "significant leap", "ideal", "outperforms",
  // causal
  "due to", "driven by", "drives", "driving", "led to", "leads to", "has led", "have led", "resulted in",
  "resulting in", "contributed to", "contribute to", "contributing to", "caused by", "because of", "fueled by", "fuelled by",
  "triggering", "hard hit", "particularly affected", "severely impacted", "have forced", "has forced", "exacerbated", "has resulted", "have resulted",
  "have contributed", "has contributed", "ensures", "enables", "minimizes", "reduces", "improves", "enhances", "safeguard", "poised to",
  "paving the way", "have reshaped", "has reshaped", "has ensured",
  // predictive
  "will lead", "will give", "will transform", "will disrupt", "will reach", "will grow", "is expected to", "are expected to", "expected to be",
  "is projected", "are projected", "is set for", "is poised", "are poised", "could disrupt", "could help", "will likely",
  "is likely to", "are likely to",
  // trend
  "remained", "remains", "persists", "persist", "persistent", "growing", "increasingly", "increasing", "rising", "continues to",
  "continued to", "surged", "surging", "soaring", "declining", "accelerating", "the trend", "a trend", "emerges as",
  "has grown", "have grown", "has become", "have become", "has evolved", "is becoming", "are becoming", "new normal", "on the rise",
  "sigue", "continúa", "cada vez más", "wachsende", "zunehmend", "de plus en plus", "sempre più",
  "steigt", "steigen", "wächst", "wachsen", "gesunken", "verstärkt", "stark gestiegen", "nimmt zu", "nehmen zu",
  "témoigne", "témoignent", "grâce à", "en raison de", "porté par", "portée par", "dynamisé par", "dynamisée par", "reste très",
  "en aumento", "debido a", "gracias a", "in crescita", "a causa di", "grazie a", "trainato da",
  "devido a", "em crescimento",
  "can be attributed to", "is attributable to", "has disrupted", "have disrupted", "leaves them vulnerable", "plays a vital role",
  "play a vital role", "plays a crucial role", "play a crucial role", "plays a key role", "well established", "well-established",
  // german / spanish / french evaluative
  "unterstreicht", "präzedenzfall", "revolution", "subraya", "souligne l'importance", "sottolinea",
];

/** Puffery: words and phrases of self-praise that cannot be checked. */
export const PUFFERY = [
  "leading", "leader in", "a leader", "global leader", "world leader", "market leader", "industry-leading", "industry leading", "premier",
  "innovative", "innovation leader", "groundbreaking", "ground-breaking", "breakthrough", "breakthroughs", "revolutionary", "revolutionize", "revolutionizing",
  "revolutionise", "transformative", "transforming", "state-of-the-art", "state of the art", "cutting-edge", "cutting edge", "world-class", "world class",
  "best-in-class", "best in class", "first-class", "unparalleled", "unrivaled", "unrivalled", "unmatched", "uniquely positioned",
  "seamless", "seamlessly", "superior", "ultimate", "remarkable", "outstanding", "exceptional", "prestigious", "renowned", "visionary",
  "pioneer", "pioneering", "trusted partner", "a trusted", "highly anticipated", "long awaited", "long-awaited", "game-changer", "game changer",
  "game-changing", "highly effective", "powerful", "full-featured",
  "invaluable", "proven", "top", "premium", "excellence", "excellent", "incredible", "amazing", "stunning", "tremendous",
  "seismic shift", "massive", "bold", "high-impact", "forward-thinking", "the perfect", "optimally", "most efficient",
  "most attractive", "most comprehensive", "most capable", "most powerful", "most advanced", "most innovative", "highest level", "highly compelling",
  "highly differentiated", "seasoned", "distinguished", "high-performing", "high performing", "recognized leader", "differentiated approach",
  "redefining", "setting a new standard", "new standards", "sets the bar", "set the bar", "significant achievement", "monumental",
  "impressive", "unrivalled", "award-winning", "best-selling", "world-renowned", "acclaimed", "leading-edge",
  // German
  "bahnbrechend", "bahnbrechenden", "innovativ", "innovative", "innovativen", "führend", "führende", "führenden", "pionier", "visionär", "visionäres",
  "revolutionär", "nahtlos", "nahtloses", "wendepunkt", "einzigartig", "höhepunkt",
  // French
  "innovant", "innovante", "révolutionnaire", "leader mondial", "unique en son genre", "belle performance", "belle progression", "exceptionnel",
  // Spanish
  "líder", "principales", "innovador", "innovadora", "revolucionario", "excelencia", "de gran prestigio", "vanguardia", "fundamental",
  // Italian / Portuguese
  "innovativo", "all'avanguardia", "eccellenza", "inovador", "inovadora", "pioneira", "excelência",
];
