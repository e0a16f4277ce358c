// Boilerplate blocks (guide: "Boilerplate kinds"), in the languages releases are
// republished in. Each case is a small release: a headline, a dateline lead, then the
// stock text; the assertions are on whole lines and the block's data.kind.
import { strict as assert } from "node:assert";
import { joinLines } from "../helpers/joinLines";
import { analyze, boilerplateLines, flags, lineOf } from "../helpers/engine";

const HEAD = ["Acme Unveils New Router for Small Offices", "", "BERLIN, March 3, 2026 /PRNewswire/ -- Acme Corp. today announced a new router for small offices.", ""];
const HEAD_LINES = HEAD.length; // stock text starts on line HEAD_LINES + 1

/** The release with `tail` after the lead; returns line → kind of the boilerplate lines. */
function stockLines(...tail: string[]) {
  const r = analyze(joinLines(...HEAD, ...tail));
  return { r, lines: boilerplateLines(r), at: (i: number) => HEAD_LINES + i + 1 };
}

/** Asserts the tail lines (0-based in `tail`, non-blank) are boilerplate of `kind`; the lead is not. */
function expectBlock(kind: string | string[], tail: string[], only?: number[]) {
  const { lines, at } = stockLines(...tail);
  const kinds = Array.isArray(kind) ? kind : [kind];
  tail.forEach((t, i) => {
    if (!t.trim() || (only && !only.includes(i))) return;
    const got = lines.get(at(i));
    assert.ok(got !== undefined && kinds.includes(got), `line ${JSON.stringify(t)}: expected ${kinds.join("|")}, got ${got ?? "not boilerplate"}`);
  });
  for (let l = 1; l <= 3; l++) assert.ok(!lines.has(l), `news line ${l} marked ${lines.get(l)}`);
}

/** Asserts none of the tail lines is boilerplate. */
function expectNoBlock(...tail: string[]) {
  const { lines, at } = stockLines(...tail);
  tail.forEach((t, i) => {
    if (t.trim()) assert.ok(!lines.has(at(i)), `news line ${JSON.stringify(t)} marked ${lines.get(at(i))}`);
  });
}

describe("boilerplate: wire and distribution marks", () => {
  it("“FOR IMMEDIATE RELEASE” at the top is a wire-header", () => {
    const r = analyze(joinLines("FOR IMMEDIATE RELEASE", "", ...HEAD));
    assert.equal(boilerplateLines(r).get(1), "wire-header");
    assert.ok(!boilerplateLines(r).has(3), "the headline is news");
  });

  it("“COMUNICATO STAMPA - CONTENUTO PROMOZIONALE” is a wire-header", () => {
    const r = analyze(joinLines("COMUNICATO STAMPA - CONTENUTO PROMOZIONALE", "", ...HEAD));
    assert.equal(boilerplateLines(r).get(1), "wire-header");
  });

  it("“###” and “-30-” end marks are wire-footers", () => {
    expectBlock("wire-footer", ["###"]);
    expectBlock("wire-footer", ["-30-"]);
  });

  it("“View original content:” and “SOURCE Acme Corp” are wire-footers", () => {
    expectBlock("wire-footer", [
      "View original content:https://www.prnewswire.com/news-releases/acme-unveils-new-router-302680992.html",
      "",
      "SOURCE Acme Corp",
    ]);
  });

  it("“Logo - https://…”, “Photo - …” and “Multimedia: …” lines are wire marks", () => {
    expectBlock(["wire-header", "wire-footer"], ["Logo - https://mma.prnewswire.com/media/1234567/Acme_Logo.jpg"]);
    expectBlock(["wire-header", "wire-footer"], ["Photo - https://mma.prnewswire.com/media/7654321/Acme_Router.jpg"]);
    expectBlock(["wire-header", "wire-footer"], ["Multimedia: https://www.businesswire.com/news/home/20260303/en/"]);
  });

  it("“Copyright 2026 PR Newswire. All Rights Reserved.” is copyright", () => {
    expectBlock("copyright", ["Copyright 2026 PR Newswire. All Rights Reserved."]);
  });

  it("a boilerplate finding is one block per run of lines, with data.kind, Information severity and a message", () => {
    const { r } = stockLines("###", "", "Copyright 2026 PR Newswire. All Rights Reserved.");
    const f = flags(r, "boilerplate");
    assert.deepEqual(f.map((x) => x.kind), ["wire-footer", "copyright"]);
    for (const x of f) {
      assert.equal(x.finding.severity, "information");
      assert.ok(x.finding.message.length > 10);
    }
  });
});

describe("boilerplate: About sections", () => {
  const about = (heading: string, ...body: string[]) => () => expectBlock("about", [heading, ...body]);
  it("English: “About Acme Corp” and its paragraph", about("About Acme Corp", "Acme Corp. makes networking equipment for small businesses. It was founded in 1999 and employs 1,200 people."));
  it("German: “Über Acme GmbH”", about("Über Acme GmbH", "Die Acme GmbH entwickelt Netzwerktechnik für kleine Unternehmen und beschäftigt 1.200 Mitarbeiter."));
  it("French: “À propos d'Acme”", about("À propos d'Acme", "Acme conçoit des équipements réseau pour les petites entreprises. Fondée en 1999, elle emploie 1 200 personnes."));
  it("Spanish: “Acerca de Acme”", about("Acerca de Acme", "Acme diseña equipos de red para pequeñas empresas. Fundada en 1999, emplea a 1.200 personas."));
  it("Italian: “Informazioni su Acme”", about("Informazioni su Acme", "Acme progetta apparecchiature di rete per le piccole imprese. Fondata nel 1999, impiega 1.200 persone."));
  it("Portuguese: “Sobre a Acme”", about("Sobre a Acme", "A Acme projeta equipamentos de rede para pequenas empresas. Fundada em 1999, emprega 1.200 pessoas."));
  it("Markdown heading: “## About Acme” and “**About Acme**”", () => {
    expectBlock("about", ["## About Acme", "Acme Corp. makes networking equipment for small businesses."]);
    expectBlock("about", ["**About Acme**", "Acme Corp. makes networking equipment for small businesses."]);
  });
  it("run-in: “About Acme: Acme is …” on one line", about("About Acme: Acme Corp. is a maker of networking equipment for small businesses, founded in 1999."));

  it("an About section followed by a contact block: each keeps its kind", () => {
    const { lines, at } = stockLines("About Acme Corp", "Acme Corp. makes networking equipment for small businesses.", "", "Media Contact:", "Jane Doe", "press@acme.example");
    assert.equal(lines.get(at(0)), "about");
    assert.equal(lines.get(at(1)), "about");
    assert.equal(lines.get(at(3)), "contact");
    assert.equal(lines.get(at(5)), "contact");
  });

  it("not an About section: “About 200 guests attended …” (a body sentence) [engine gap: a body sentence opening with “About 200 …” is read as an About heading]", () => {
    expectNoBlock("About 200 guests attended the launch in Berlin on Tuesday.");
  });

  it("not an About section: “About 40% of U.S. adults carry …” (a body sentence)", () => {
    expectNoBlock("About 40% of U.S. adults carry credit card debt, according to a survey by Acme Research.");
  });
});

describe("boilerplate: contacts", () => {
  it("English: “Media Contact:” with a name, phone and e-mail", () => {
    expectBlock("contact", ["Media Contact:", "Jane Doe", "+1 (555) 123-4567", "press@acme.example"]);
  });
  it("English: “Investor Relations” block", () => {
    expectBlock("contact", ["Investor Relations Contact:", "John Roe, Acme Corp.", "ir@acme.example"]);
  });
  it("German: “Pressekontakt:”", () => {
    expectBlock("contact", ["Pressekontakt:", "Hans Müller", "Tel.: +49 30 1234567", "presse@acme.example"]);
  });
  it("French: “Contact presse :”", () => {
    expectBlock("contact", ["Contact presse :", "Marie Dupont", "+33 1 23 45 67 89", "presse@acme.example"]);
  });
  it("Spanish: “Contacto de prensa:”", () => {
    expectBlock("contact", ["Contacto de prensa:", "Juan Pérez", "+34 912 345 678", "prensa@acme.example"]);
  });
  it("Italian: “Contatti stampa:”", () => {
    expectBlock("contact", ["Contatti stampa:", "Giulia Rossi", "+39 02 1234 5678", "stampa@acme.example"]);
  });
  it("Portuguese: “Contato:”", () => {
    expectBlock("contact", ["Contato:", "Ana Souza", "+55 11 91234-5678", "imprensa@acme.example"]);
  });
  it("the contact block stops at body prose", () => {
    const { lines, at } = stockLines("Media Contact:", "Jane Doe", "press@acme.example", "", "The new router ships in May in Europe and North America, with more countries to follow later this year.");
    assert.equal(lines.get(at(0)), "contact");
    assert.ok(!lines.has(at(4)));
  });
});

describe("boilerplate: safe harbor (forward-looking statements)", () => {
  const fls = "This press release contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995. Actual results may differ materially because of risks and uncertainties.";
  it("English heading and paragraph", () => expectBlock("safe-harbor", ["Forward-Looking Statements", fls]));
  it("English run-in paragraph without heading", () => expectBlock("safe-harbor", [fls]));
  it("“Safe Harbor Statement” heading", () => expectBlock("safe-harbor", ["Safe Harbor Statement", fls]));
  it("German: “Zukunftsgerichtete Aussagen”", () =>
    expectBlock("safe-harbor", ["Zukunftsgerichtete Aussagen", "Diese Mitteilung enthält zukunftsgerichtete Aussagen, die Risiken und Unsicherheiten unterliegen."]));
  it("French: “Déclarations prospectives”", () =>
    expectBlock("safe-harbor", ["Déclarations prospectives", "Ce communiqué contient des déclarations prospectives qui comportent des risques et des incertitudes."]));
  it("Spanish: “Declaraciones prospectivas”", () =>
    expectBlock("safe-harbor", ["Declaraciones prospectivas", "Este comunicado contiene declaraciones prospectivas sujetas a riesgos e incertidumbres."]));
  it("Italian: “Dichiarazioni previsionali”", () =>
    expectBlock("safe-harbor", ["Dichiarazioni previsionali", "Questo comunicato contiene dichiarazioni previsionali soggette a rischi e incertezze."]));
  it("Portuguese: “Declarações prospectivas”", () =>
    expectBlock("safe-harbor", ["Declarações prospectivas", "Este comunicado contém declarações prospectivas sujeitas a riscos e incertezas."]));
  it("claims and figures inside the safe-harbor text are not flagged", () => {
    const { r } = stockLines("Forward-Looking Statements", "Acme expects revenue is expected to grow 20% as the market will reach $50 billion by 2030. These forward-looking statements involve risks and uncertainties.");
    assert.deepEqual(r.findings.filter((f) => f.code !== "boilerplate").map((f) => f.code), []);
  });
});

describe("boilerplate: disclaimers", () => {
  it("Italian: “… non sono responsabili per i contenuti dei comunicati trasmessi”", () =>
    expectBlock("disclaimer", ["Immediapress è un servizio di diffusione di comunicati stampa. Adnkronos e Immediapress non sono responsabili per i contenuti dei comunicati trasmessi"]));
  it("English: “Disclaimer: …”", () =>
    expectBlock("disclaimer", ["Disclaimer: The content of this release is provided by the issuer. The distributor is not responsible for its accuracy."]));
  it("German: “… übernimmt keine Haftung …” [engine gap: the German pattern needs a word boundary before “ü”, which never matches without the u flag]", () =>
    expectBlock("disclaimer", ["Für den Inhalt der Mitteilung ist der Emittent verantwortlich. Die Redaktion übernimmt keine Haftung für die Richtigkeit der Angaben."]));
  it("French: “… ne sont pas responsables …”", () =>
    expectBlock("disclaimer", ["Les éditeurs du site ne sont pas responsables du contenu des communiqués publiés."]));
  it("Spanish: “… no se hace responsable …”", () =>
    expectBlock("disclaimer", ["La agencia no se hace responsable de los contenidos de los comunicados difundidos."]));
  it("Portuguese: “… não se responsabiliza …”", () =>
    expectBlock("disclaimer", ["O portal não se responsabiliza pelo conteúdo dos comunicados publicados."]));
});

describe("boilerplate: republisher furniture and links", () => {
  it("Italian page furniture: Descrizione, Categoria, Tag, Data di creazione, Autore, default watermark (with their values)", () => {
    const tail = ["Categoria", "", "1. Comunicati", "", "Tag", "", "1. ImmediaPress", "", "Data di creazione", "", "Febbraio 6, 2026", "", "Autore", "", "redazione", "", "default watermark"];
    expectBlock("republisher-meta", tail);
    expectBlock("republisher-meta", ["Descrizione"]);
  });

  it("furniture values are not figures or claims (“1. Comunicati”, “Febbraio 6, 2026”)", () => {
    const { r } = stockLines("Categoria", "", "1. Comunicati", "", "Data di creazione", "", "Febbraio 6, 2026", "", "Autore", "", "redazione");
    assert.deepEqual(r.findings.filter((f) => f.code !== "boilerplate").map((f) => f.code), []);
  });

  it("lines that are only links: bare URL, <URL>, [text](url)", () => {
    expectBlock("links", ["https://www.acme.example/router"]);
    expectBlock("links", ["<https://news.cgtn.com/news/2026-02-05/Xi-speaks-with-Putin-and-Trump/p.html>"]);
    expectBlock(["links", "republisher-meta"], ["[immediapress/pr-newswire](https://www.immediapress.com/pr-newswire)"]);
  });

  it("“For more information, visit …” is a links line", () => {
    expectBlock("links", ["For more information, visit https://www.acme.example."]);
  });

  it("a body sentence with a link in it is not a links line", () => {
    expectNoBlock("The router, shown at https://www.acme.example/router, ships in May to customers in 14 countries across Europe.");
  });
});

describe("boilerplate: ordinary news is not stock text", () => {
  it("lead, quotes, numbers and headings of a plain release are not boilerplate", () => {
    const text = joinLines(
      ...HEAD,
      "“Small offices deserve enterprise networking,” said Jane Doe, chief executive officer of Acme.",
      "",
      "Pricing and availability",
      "",
      "The router costs $199 and ships in May.",
    );
    const r = analyze(text);
    assert.deepEqual(flags(r, "boilerplate").map((f) => `${f.kind} L${lineOf(text, f.finding.start)}`), []);
  });
});

describe("boilerplate: a block walks on past a page mark", () => {
  it("a contact block goes on past a page mark that reads as a company description (an About starter); the About block is that line alone", () => {
    const text = joinLines(
      "Acme Launches Widget",
      "",
      "NEW YORK, May 1, 2024 -- Acme Corp. today launched a widget that grew sales 40%, analysts said.",
      "",
      "The widget is available now.",
      "",
      "Media Contact",
      "Jane Doe",
      "jane@acme.com",
      "",
      "Page 2 Acme (NYSE: ACME) is a leading maker of widgets.",
      "",
      "John Roe",
      "+1 212 555 0100",
      "",
    );
    const blocks = analyze(text).model.boilerplate.map((b) => [b.kind, b.firstLine, b.lastLine]);
    assert.deepEqual(blocks, [["contact", 6, 8], ["about", 10, 10], ["contact", 12, 13]]);
  });
});
