#!/usr/bin/env python3
"""Generate the second set of synthetic genre reports (tests/genre2/*.txt) and their
gold (tests/genre2/gold/*.json) from the same numbers, so text and gold cannot disagree.

    python tests/genre2/make_genre2.py        # writes the files and validates them

This set covers what tests/genre did not: heading and unit on one line, numbered
("3.1") and "Bilaga" headings, budget columns in the income statement, three-section
cash flow with investing, "Belopp i mkr" with one decimal, Driftredovisning per
verksamhetsområde (Intäkter|Kostnader|Nettokostnad|Budget|Avvikelse), budget
follow-up per insats (Beviljat|Utfall|Kvar), movement notes, "Not 7 Eget kapital",
NBSP / thin-space thousands, em dash empty cells, "±0", "-1 205" and "(1 205)" in
one report, "12 500 kr" cells, running headers and "Sida 3 av 12" footers (also
inside a table), a different OCR damage (ö→6, å→d, ä→d, minus→"—", wrapped label
with its figures on the last line), a three-year verksamhetsplan, a delårsrapport
per 2024-06-30, overview rows that are not facts, and two reports with deliberate
inconsistencies (everything else is asserted here).  Gold follows
/work/shared/corpus/GOLD_FORMAT.md.
"""
from __future__ import annotations

import sys
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from genre_kit import (  # noqa: E402
    EM,
    NBSP,
    THIN,
    BaseDoc,
    C,
    H,
    R,
    fmtnum,
    generate,
    no_operator,
    on_table_line,
    units,
    validate,
)

X = H


def mkr(tkr):
    """tkr -> mkr rounded half-up to one decimal (as float)."""
    return float((Decimal(tkr) / Decimal(1000)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def tie(parts, total, unit_half):
    """A printed sum may differ from its printed parts by at most half a unit per part."""
    diff = abs(sum(parts) - total)
    assert diff <= unit_half * len(parts) + 1e-9, (parts, total, diff)


class Doc(BaseDoc):
    def __init__(self, stem, org, doc_type, fy, layout="tab", minus="-", paren=False, dec=0, thou=" "):
        super().__init__(stem, org, doc_type, fy, layout)
        self.minus, self.paren, self.dec, self.thou = minus, paren, dec, thou

    def options(self, dec=None, minus=None, paren=None, thou=None, suffix=""):
        """Per-table overrides of the document's number style; suffix: e.g. " kr" in every cell."""
        return {"dec": self.dec if dec is None else dec, "minus": self.minus if minus is None else minus,
                "paren": self.paren if paren is None else paren, "thou": self.thou if thou is None else thou,
                "suffix": suffix}

    def cell(self, v, o):
        if isinstance(v, str):
            return v, None, None
        c = v if isinstance(v, C) else C(v)
        if c.text is not None:
            s = c.text
        else:
            s = fmtnum(c.v, dec=o["dec"], minus=o["minus"] if c.minus is None else c.minus,
                       paren=o["paren"] if c.paren is None else c.paren, thou=o["thou"])
        return s + c.mark + o["suffix"], s, c


# =============================================================================
# h01 Östra Södertörn 2020: running header on every page, "Sida 3 av 12" footers,
#     balance sheet broken across a page (footer + running header inside the table),
#     numbered headings "3.1 RESULTATRÄKNING (tkr)" / "3.2 Balansräkning, tkr",
#     three-section cash flow with investing, movement note, Not 7 Eget kapital,
#     em dash cells, five-year overview with Soliditet % / Antal deltagare. Clean.
# =============================================================================
def r01():
    d = Doc("h01_ostra_sodertorn_2020", "Samordningsförbundet Östra Södertörn", "arsredovisning", 2020,
            layout="tab")
    T = 1000
    units(d, ("oversikt", "balanskrav", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    RUN = "Samordningsförbundet Östra Södertörn · Årsredovisning 2020"
    pg = [0]

    def brk():
        pg[0] += 1
        return ["", f"Sida {pg[0]} av @@T@@", "", RUN, ""]

    def page():
        d.lines.extend(brk())

    d.p("""
    Samordningsförbundet Östra Södertörn

    Årsredovisning 2020

    Haninge · Nynäshamn · Tyresö
    Försäkringskassan · Arbetsförmedlingen · Region Stockholm
    """)
    page()
    d.p("""
    Innehåll

    1 Förbundschefen har ordet
    2 Förvaltningsberättelse
    2.1 Uppdrag och organisation
    2.2 Översikt över verksamhetens utveckling
    2.3 Balanskravsutredning
    3 Räkenskaper
    3.1 Resultaträkning
    3.2 Balansräkning
    3.3 Kassaflödesanalys
    3.4 Noter
    """)
    page()
    d.p("""
    1 Förbundschefen har ordet

    År 2020 präglades av pandemin. Flera insatser fick ställa om till digitala träffar och deltagarflödet minskade under våren, men återhämtade sig under hösten. Förbundet har under året köpt nya inventarier till insatsen Framsteget i Haninge.

    2 Förvaltningsberättelse

    2.1 Uppdrag och organisation

    Samordningsförbundet Östra Södertörn är ett finansiellt samordningsförbund enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Stockholm samt Haninge, Nynäshamns och Tyresö kommuner. Kansliet har tre medarbetare.

    2.2 Översikt över verksamhetens utveckling

    """)
    yrs = [2020, 2019, 2018, 2017, 2016]
    intak = [14652, 14210, 13880, 13410, 12950]
    kost = [-15018, -13680, -13102, -13590, -12530]
    fin = [3, 9, 6, 12, 15]
    res = [-363, 539, 784, -168, 435]
    ek = [5241, 5604, 5065, 4281, 4449]
    for i in range(5):
        assert intak[i] + kost[i] + fin[i] == res[i]
    for i in range(4):
        assert ek[i + 1] + res[i] == ek[i]
    d.table("oversikt", [["Tkr"] + [str(y) for y in yrs]], [(y, "utfall") for y in yrs], [
        R("Verksamhetens intäkter", *intak),
        R("Verksamhetens kostnader", *kost),
        R("Finansnetto", *fin),
        R("Årets resultat", *res),
        R("Eget kapital", *ek),
        R("Soliditet %", "81", "81", "79", "77", "80"),
        R("Antal deltagare", "412", "388", "351", "342", "298"),
    ], T)
    d.p("""

    Kostnaderna 2020 omfattar avskrivningar om 38 tkr. Soliditeten anges i procent av balansomslutningen.

    2.3 Balanskravsutredning

    """)
    d.table("balanskrav", [["Tkr", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")], [
        R("Årets resultat enligt resultaträkningen", -363, 539),
        R("Avgår samtliga realisationsvinster", EM, EM),
        R("Årets resultat efter balanskravsjusteringar", -363, 539),
        R("Balanskravsresultat", -363, 539),
    ], T)
    d.heading("Underskottet 2020 täcks av det egna kapitalet, som styrelsen beslutat att minska till en nivå motsvarande fyra månaders kostnader.")
    page()
    d.p("""
    3 Räkenskaper

    3.1 RESULTATRÄKNING (tkr)

    """)
    d.table("resultatrakning", [["", "Not", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")], [
        R("Verksamhetens intäkter", 14652, 14210, note=2),
        R("Verksamhetens kostnader", -14980, -13655, note=3),
        R("Avskrivningar", -38, -25, note=4),
        R("Verksamhetens nettokostnad", -366, 530),
        R("Finansiella intäkter", 4, 9),
        R("Finansiella kostnader", -1, EM),
        R("Resultat efter finansiella poster", -363, 539),
        R("Årets resultat", -363, 539),
    ], T, notcol=True)
    assert 14652 - 14980 - 38 == -366 and 14210 - 13655 - 25 == 530 and -366 + 4 - 1 == -363 and 530 + 9 == 539
    d.p("""

    3.2 Balansräkning, tkr

    """)
    d.table("balansrakning", [["", "Not", "2020-12-31", "2019-12-31"]], [(2020, "utfall"), (2019, "utfall")], [
        H("TILLGÅNGAR"),
        H("Anläggningstillgångar"),
        R("Inventarier", 112, 70, note=5),
        R("Summa anläggningstillgångar", 112, 70),
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 1406, 1122, note=6),
        R("Kassa och bank", 4917, 5704),
        R("Summa omsättningstillgångar", 6323, 6826),
        R("SUMMA TILLGÅNGAR", 6435, 6896),
        *[X(x) for x in brk()],
        H("EGET KAPITAL OCH SKULDER"),
        H("Eget kapital"),
        R("Balanserat kapital", 5604, 5065, note=7),
        R("Årets resultat", -363, 539),
        R("Summa eget kapital", 5241, 5604),
        H("Kortfristiga skulder"),
        R("Leverantörsskulder", 812, 905),
        R("Upplupna kostnader och förutbetalda intäkter", 382, 387),
        R("Summa kortfristiga skulder", 1194, 1292),
        R("SUMMA EGET KAPITAL OCH SKULDER", 6435, 6896),
    ], T, notcol=True)
    assert 1406 + 4917 == 6323 and 1122 + 5704 == 6826 and 112 + 6323 == 6435 and 70 + 6826 == 6896
    assert 5604 - 363 == 5241 and 5065 + 539 == 5604 and 812 + 382 == 1194 and 905 + 387 == 1292
    assert 5241 + 1194 == 6435 and 5604 + 1292 == 6896
    d.p("""

    3.3 Kassaflödesanalys, tkr

    """)
    d.table("kassaflodesanalys", [["", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")], [
        H("Den löpande verksamheten"),
        R("Årets resultat", -363, 539),
        R("Justering för avskrivningar", 38, 25),
        R("Kassaflöde före förändring av rörelsekapital", -325, 564),
        R("Ökning (-)/minskning (+) av kortfristiga fordringar", -284, 210),
        R("Ökning (+)/minskning (-) av kortfristiga skulder", -98, -145),
        R("Kassaflöde från den löpande verksamheten", -707, 629),
        H("Investeringsverksamheten"),
        R("Investering i inventarier", -80, -95),
        R("Kassaflöde från investeringsverksamheten", -80, -95),
        H("Finansieringsverksamheten"),
        R("Erhållna bidrag till investeringar", EM, EM),
        R("Kassaflöde från finansieringsverksamheten", 0, 0),
        R("Årets kassaflöde", -787, 534),
        R("Likvida medel vid årets början", 5704, 5170),
        R("Likvida medel vid årets slut", 4917, 5704),
    ], T)
    assert -363 + 38 == -325 and 539 + 25 == 564 and 1122 - 1406 == -284 and 1194 - 1292 == -98
    assert -325 - 284 - 98 == -707 and 564 + 210 - 145 == 629 and -707 - 80 == -787 and 629 - 95 == 534
    assert 5704 - 787 == 4917 and 5170 + 534 == 5704
    page()
    d.p("""
    3.4 Noter

    Not 1 Redovisningsprinciper
    Årsredovisningen är upprättad enligt lagen (2018:597) om kommunal bokföring och redovisning. Inventarier skrivs av linjärt över fem år.

    Not 2 Verksamhetens intäkter
    """)
    n2 = [("Försäkringskassan (statens andel)", 7200, 7000), ("Region Stockholm", 3600, 3500),
          ("Haninge kommun", 1908, 1855), ("Tyresö kommun", 1044, 1015), ("Nynäshamns kommun", 648, 630),
          ("Övriga intäkter", 252, 210)]
    assert sum(x[1] for x in n2) == 14652 and sum(x[2] for x in n2) == 14210
    d.table("noter", [["Tkr", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")],
            [R(*x) for x in n2] + [R("Summa verksamhetens intäkter", 14652, 14210)], T, note=2)
    d.heading("Not 3 Verksamhetens kostnader")
    n3 = [("Köp av insatser", 10812, 9640), ("Personalkostnader", 2604, 2512), ("Lokalkostnader", 406, 398),
          ("Styrelse och revision", 318, 335), ("Övriga kostnader", 840, 770)]
    assert sum(x[1] for x in n3) == 14980 and sum(x[2] for x in n3) == 13655
    d.table("noter", [["Tkr", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")],
            [R(*x) for x in n3] + [R("Summa verksamhetens kostnader", 14980, 13655)], T, note=3)
    d.p("""

    Not 4 Avskrivningar
    Avskrivningarna avser inventarier, se not 5.
    """)
    page()
    d.p("""
    Not 5 Inventarier
    """)
    mv = {"ia": (120, 25), "ink": (80, 95), "ua": (200, 120), "iav": (-50, -25), "aav": (-38, -25),
          "uav": (-88, -50), "bv": (112, 70)}
    for i in range(2):
        assert mv["ia"][i] + mv["ink"][i] == mv["ua"][i] and mv["iav"][i] + mv["aav"][i] == mv["uav"][i]
        assert mv["ua"][i] + mv["uav"][i] == mv["bv"][i]
    d.table("noter", [["Tkr", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")], [
        R("Ingående anskaffningsvärde", *mv["ia"]),
        R("Årets inköp", *mv["ink"]),
        R("Utgående anskaffningsvärde", *mv["ua"]),
        R("Ingående avskrivningar", *mv["iav"]),
        R("Årets avskrivningar", *mv["aav"]),
        R("Utgående avskrivningar", *mv["uav"]),
        R("Bokfört värde", *mv["bv"]),
    ], T, note=5)
    d.heading("Not 6 Kortfristiga fordringar")
    d.table("noter", [["Tkr", "2020-12-31", "2019-12-31"]], [(2020, "utfall"), (2019, "utfall")], [
        R("Momsfordran", 512, 488),
        R("Förutbetalda kostnader och upplupna intäkter", 894, 634),
        R("Kundfordringar", EM, EM),
        R("Summa kortfristiga fordringar", 1406, 1122),
    ], T, note=6)
    assert 512 + 894 == 1406 and 488 + 634 == 1122
    d.heading("Not 7 Eget kapital")
    d.table("noter", [["Tkr", "2020", "2019"]], [(2020, "utfall"), (2019, "utfall")], [
        R("Ingående eget kapital", 5604, 5065),
        R("Årets resultat", -363, 539),
        R("Utgående eget kapital", 5241, 5604),
    ], T, note=7)
    d.p("""

    Haninge den 18 februari 2021

    Maria Ek, ordförande        Jonas Berg, vice ordförande        Leila Amini
    """)
    page()
    d.p("""
    Revisionsberättelse

    Revisorerna har granskat förbundets verksamhet och räkenskaper för 2020 och tillstyrker att styrelsen beviljas ansvarsfrihet.
    """)
    pg[0] += 1
    d.lines += ["", f"Sida {pg[0]} av @@T@@"]
    d.lines = [x.replace("@@T@@", str(pg[0])) for x in d.lines]
    return d


# =============================================================================
# h02 Gotland 2022: "Resultaträkning – belopp i tusen kronor" with columns
#     Not | Utfall 2022 | Budget 2022 | Utfall 2021, "BALANSRÄKNING (tkr)", a "varav"
#     row, Driftredovisning per verksamhetsområde Intäkter|Kostnader|Nettokostnad|
#     Budget|Avvikelse with "±0", key-figure table (Antal deltagare, Antal insatser,
#     Andel i egen försörjning %) and an economic overview with Soliditet %.
#     Failure: the Kansli row of the Driftredovisning prints netto -1 848 for -1 884.
# =============================================================================
def r02():
    d = Doc("h02_gotland_2022", "Samordningsförbundet Gotland", "arsredovisning", 2022, layout="pad")
    T = 1000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning",
              "noter"), "tkr")
    d.p("""
    SAMORDNINGSFÖRBUNDET GOTLAND
    Årsredovisning 2022

    Förvaltningsberättelse

    Samordningsförbundet Gotland har tre medlemmar: Försäkringskassan, Arbetsförmedlingen och Region Gotland. Region Gotland svarar både för regionens och kommunens andel av medlemsbidraget. Förbundet finansierade sju insatser under 2022.

    Verksamheten i siffror

    """)
    d.table("oversikt", [["", "2022", "2021", "2020"]], [(2022, "utfall"), (2021, "utfall"), (2020, "utfall")], [
        R("Antal deltagare", "186", "171", "158"),
        R("Antal insatser", "7", "6", "6"),
        R("Andel i egen försörjning efter avslut, %", "38", "35", "31"),
    ], T)
    d.p("""

    Ekonomisk översikt (tkr)

    """)
    ov = {"i": (8622, 8411, 8205), "k": (-8913, -7981, -8310), "r": (-291, 430, -105), "e": (3411, 3702, 3272)}
    for i in range(3):
        assert ov["i"][i] + ov["k"][i] == ov["r"][i]
    assert 3272 + 430 == 3702 and 3702 - 291 == 3411
    d.table("oversikt", [["", "2022", "2021", "2020"]], [(2022, "utfall"), (2021, "utfall"), (2020, "utfall")], [
        R("Intäkter inklusive finansiella intäkter", *ov["i"]),
        R("Kostnader inklusive finansiella kostnader", *ov["k"]),
        R("Årets resultat", *ov["r"]),
        R("Eget kapital", *ov["e"]),
        R("Soliditet, %", "79", "82", "80"),
    ], T)
    d.p("""

    Årets resultat blev -291 tkr, vilket är 509 tkr bättre än budget. Avvikelsen beror främst på att individinsatserna kostade mindre än beräknat.

    Resultaträkning – belopp i tusen kronor

    """)
    d.table("resultatrakning", [["", "Not", "Utfall 2022", "Budget 2022", "Utfall 2021"]],
            [(2022, "utfall"), (2022, "budget"), (2021, "utfall")], [
        R("Verksamhetens intäkter", 8620, 8600, 8410, note=2),
        R("Verksamhetens kostnader", -8912, -9400, -7980, note=3),
        R("Verksamhetens resultat", -292, -800, 430),
        R("Finansiella intäkter", 2, 0, 1),
        R("Finansiella kostnader", -1, EM, -1),
        R("Resultat efter finansiella poster", -291, -800, 430),
        R("Årets resultat", -291, -800, 430),
    ], T, notcol=True)
    assert 8620 - 8912 == -292 and 8600 - 9400 == -800 and 8410 - 7980 == 430
    assert -292 + 2 - 1 == -291 and 430 + 1 - 1 == 430
    d.p("""

    BALANSRÄKNING (tkr)

    """)
    d.table("balansrakning", [["", "Not", "2022-12-31", "2021-12-31"]], [(2022, "utfall"), (2021, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", 388, 512, note=4),
        R("Kassa och bank", 3905, 4002),
        R("Summa tillgångar", 4293, 4514),
        H("Eget kapital och skulder"),
        R("Ingående eget kapital", 3702, 3272),
        R("Årets resultat", -291, 430),
        R("Summa eget kapital", 3411, 3702),
        R("Kortfristiga skulder", 882, 812, note=5),
        R("varav leverantörsskulder", 540, 498, gold="Kortfristiga skulder, varav leverantörsskulder"),
        R("Summa eget kapital och skulder", 4293, 4514),
    ], T, notcol=True)
    assert 388 + 3905 == 4293 and 512 + 4002 == 4514 and 3411 + 882 == 4293 and 3702 + 812 == 4514
    d.p("""

    KASSAFLÖDESANALYS (tkr)

    """)
    d.table("kassaflodesanalys", [["", "2022", "2021"]], [(2022, "utfall"), (2021, "utfall")], [
        R("Årets resultat", -291, 430),
        R("Minskning (+)/ökning (-) av fordringar", 124, -88),
        R("Ökning (+)/minskning (-) av skulder", 70, -35),
        R("Kassaflöde från den löpande verksamheten", -97, 307),
        R("Årets kassaflöde", -97, 307),
        R("Likvida medel vid årets början", 4002, 3695),
        R("Likvida medel vid årets slut", 3905, 4002),
    ], T)
    assert 512 - 388 == 124 and 882 - 812 == 70 and -291 + 124 + 70 == -97 and 430 - 88 - 35 == 307
    assert 4002 - 97 == 3905 and 3695 + 307 == 4002
    d.p("""

    Driftredovisning per verksamhetsområde 2022 (tkr)

    """)
    rows = [("Medlemsbidrag", 8600, 0, 8600, 8600), ("Övriga intäkter", 20, 0, 20, 0),
            ("Individinsatser", 0, -5412, -5412, -5800), ("Strukturinsatser", 0, -1106, -1106, -1300),
            ("Kansli", 0, -1884, -1884, -1800), ("Styrelse och revision", 0, -510, -510, -500),
            ("Finansnetto", 2, -1, 1, 0)]
    si = sum(r[1] for r in rows)
    sk = sum(r[2] for r in rows)
    sn = sum(r[3] for r in rows)
    sb = sum(r[4] for r in rows)
    assert (si, sk, sn, sb) == (8622, -8913, -291, -800)
    assert all(r[1] + r[2] == r[3] for r in rows)
    assert -5412 - 1106 - 1884 - 510 == -8912
    trows = []
    for lab, i, k, n, b in rows:
        av = n - b
        if lab == "Kansli":
            trows.append(R(lab, i, k, C(-1848, true=-1884), b, av))
        else:
            trows.append(R(lab, i, k, n, b, C(0, text="±0") if av == 0 else av))
    trows.append(R("Summa", si, sk, sn, sb, sn - sb))
    d.table("driftredovisning", [["Verksamhetsområde", "Intäkter", "Kostnader", "Nettokostnad", "Budget",
                                  "Avvikelse"]],
            [(2022, "utfall_intakt"), (2022, "utfall_kostnad"), (2022, "utfall_netto"), (2022, "budget_netto"),
             (2022, "avvikelse")], trows, T)
    d.fail("driftredovisning", 2022, "Nettokostnad = Intäkter + Kostnader (Kansli)", -1848000, -1884000,
           "Kansli: 0 + (-1 884) = -1 884, but the Nettokostnad column prints -1 848 (transposed digits)")
    d.fail("driftredovisning", 2022, "Summa Nettokostnad = sum of the rows above", -291000, -255000,
           "with the printed -1 848 for Kansli the rows add to -255, not the printed Summa -291")
    d.fail("driftredovisning", 2022, "Avvikelse = Nettokostnad - Budget (Kansli)", -84000, -48000,
           "-1 848 - (-1 800) = -48, but Avvikelse prints -84 (computed from the true -1 884)")
    d.p("""

    Avvikelsen mot budget förklaras främst av att två individinsatser startade senare än planerat.

    Noter

    Not 1 Redovisningsprinciper
    Förbundet följer lagen om kommunal bokföring och redovisning. Belopp anges i tusen kronor om inte annat anges.

    Not 2 Verksamhetens intäkter
    """)
    d.table("noter", [["", "2022", "2021"]], [(2022, "utfall"), (2021, "utfall")], [
        R("Försäkringskassan", 4300, 4200), R("Region Gotland", 4300, 4200), R("Övriga intäkter", 20, 10),
        R("Summa", 8620, 8410)], T, note=2)
    assert 4300 + 4300 + 20 == 8620 and 4200 + 4200 + 10 == 8410
    d.heading("Not 3 Verksamhetens kostnader")
    d.table("noter", [["", "2022", "2021"]], [(2022, "utfall"), (2021, "utfall")], [
        R("Köp av insatser", 6518, 5702), R("Personalkostnader", 1520, 1480), R("Lokaler och IT", 364, 318),
        R("Styrelse och revision", 510, 480), R("Summa", 8912, 7980)], T, note=3)
    assert 6518 + 1520 + 364 + 510 == 8912 and 5702 + 1480 + 318 + 480 == 7980 and 5412 + 1106 == 6518
    d.heading("Not 4 Kortfristiga fordringar")
    d.table("noter", [["", "2022-12-31", "2021-12-31"]], [(2022, "utfall"), (2021, "utfall")], [
        R("Momsfordran", 241, 305), R("Upplupna intäkter", 147, 207), R("Summa", 388, 512)], T, note=4)
    assert 241 + 147 == 388 and 305 + 207 == 512
    d.heading("Not 5 Kortfristiga skulder")
    d.table("noter", [["", "2022-12-31", "2021-12-31"]], [(2022, "utfall"), (2021, "utfall")], [
        R("Leverantörsskulder", 540, 498), R("Upplupna kostnader", 342, 314), R("Summa", 882, 812)], T, note=5)
    assert 540 + 342 == 882 and 498 + 314 == 812
    d.p("""

    Visby den 21 februari 2023

    Styrelsen för Samordningsförbundet Gotland
    """)
    return d


# =============================================================================
# h03 Stockholms stad 2019: a large förbund reporting "Belopp i mkr" with one decimal
#     ("47,2", "-0,4", "0,0"); sums tie only within rounding (half a unit per part);
#     Driftredovisning Utfall|Budget|Avvikelse in mkr; overview with non-facts. Clean.
# =============================================================================
def r03():
    d = Doc("h03_stockholms_stad_2019", "Samordningsförbundet Stockholms stad", "arsredovisning", 2019,
            layout="pad", dec=1)
    M = 1_000_000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "noter"),
          "mkr")
    m = mkr
    h = 0.05
    d.p("""
    Samordningsförbundet Stockholms stad

    Årsredovisning 2019

    Förvaltningsberättelse

    Samordningsförbundet Stockholms stad är ett av landets största samordningsförbund. Medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Stockholm och Stockholms stad. Under 2019 deltog 1 146 personer i förbundets insatser, som bedrivs i samtliga stadsdelsområden.

    Förbundets intäkter uppgick till 47,2 miljoner kronor och årets resultat blev ett underskott om 0,4 miljoner kronor. Alla belopp i de finansiella rapporterna anges i miljoner kronor (mkr) med en decimal; summor kan därför avvika från summan av delbeloppen.

    Väsentliga händelser under året

    Stadsdelsnära insatser har samlats i tre geografiska team: Söderort, Västerort och Innerstaden.
    Förbundet har upphandlat en extern utvärdering av insatsen Stödteam för unga vuxna.
    En ny förbundschef tillträdde den 1 september.
    Kansliet flyttade till nya lokaler på Kungsholmen under våren.

    Styrelse

    Ordförande: Elin Sandberg (Stockholms stad)
    Vice ordförande: Tomas Ahlgren (Region Stockholm)
    Ledamöter: Försäkringskassan och Arbetsförmedlingen har utsett var sin ledamot.

    Femårsöversikt

    Belopp i mkr
    """)
    yrs = [2019, 2018, 2017, 2016, 2015]
    it = [47236, 45980, 44210, 43020, 41880]
    kt = [-47612, -44112, -44905, -42310, -41215]
    ft = [18, 41, 35, 52, 47]
    rt = [a + b + c for a, b, c in zip(it, kt, ft)]
    assert rt[:2] == [-358, 1909]
    eks = [13208, 13566, 11657]
    eks += [eks[-1] - rt[2], eks[-1] - rt[2] - rt[3]]
    for i in range(5):
        tie([m(it[i]), m(kt[i]), m(ft[i])], m(rt[i]), h)
    for i in range(4):
        tie([m(eks[i + 1]), m(rt[i])], m(eks[i]), h)
    d.table("oversikt", [[""] + [str(y) for y in yrs]], [(y, "utfall") for y in yrs], [
        R("Verksamhetens intäkter", *[m(x) for x in it]),
        R("Verksamhetens kostnader", *[m(x) for x in kt]),
        R("Finansnetto", *[m(x) for x in ft]),
        R("Årets resultat", *[m(x) for x in rt]),
        R("Eget kapital", *[m(x) for x in eks]),
        R("Antal deltagare", "1 146", "1 052", "998", "921", "874"),
        R("Soliditet (%)", "72", "74", "70", "69", "71"),
    ], M)
    d.p("""

    RESULTATRÄKNING, mkr

    """)
    d.table("resultatrakning", [["", "Not", "2019", "2018"]], [(2019, "utfall"), (2018, "utfall")], [
        R("Verksamhetens intäkter", m(47236), m(45980), note=1),
        R("Verksamhetens kostnader", m(-47612), m(-44112), note=2),
        R("Verksamhetens resultat", m(-376), m(1868)),
        R("Finansnetto", m(18), m(41)),
        R("Årets resultat", m(-358), m(1909)),
    ], M, notcol=True)
    tie([m(47236), m(-47612)], m(-376), h)
    tie([m(45980), m(-44112)], m(1868), h)
    tie([m(-376), m(18)], m(-358), h)
    tie([m(1868), m(41)], m(1909), h)
    d.p("""

    BALANSRÄKNING, mkr

    """)
    fo, ka = (3412, 2955), (14806, 15318)
    st = (fo[0] + ka[0], fo[1] + ka[1])
    assert st == (18218, 18273)
    ek_in = (13566, 11657)
    res = (-358, 1909)
    ek = (ek_in[0] + res[0], ek_in[1] + res[1])
    assert ek == (13208, 13566)
    lev, ovr = (3820, 3401), (1190, 1306)
    sk = (lev[0] + ovr[0], lev[1] + ovr[1])
    assert (ek[0] + sk[0], ek[1] + sk[1]) == st
    for i in range(2):
        tie([m(fo[i]), m(ka[i])], m(st[i]), h)
        tie([m(ek_in[i]), m(res[i])], m(ek[i]), h)
        tie([m(lev[i]), m(ovr[i])], m(sk[i]), h)
        tie([m(ek[i]), m(sk[i])], m(st[i]), h)
    d.table("balansrakning", [["", "Not", "2019-12-31", "2018-12-31"]], [(2019, "utfall"), (2018, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", m(fo[0]), m(fo[1]), note=3),
        R("Kassa och bank", m(ka[0]), m(ka[1])),
        R("Summa tillgångar", m(st[0]), m(st[1])),
        H("Eget kapital och skulder"),
        R("Eget kapital vid årets början", m(ek_in[0]), m(ek_in[1])),
        R("Årets resultat", m(res[0]), m(res[1])),
        R("Summa eget kapital", m(ek[0]), m(ek[1])),
        R("Leverantörsskulder", m(lev[0]), m(lev[1])),
        R("Övriga kortfristiga skulder", m(ovr[0]), m(ovr[1])),
        R("Summa kortfristiga skulder", m(sk[0]), m(sk[1])),
        R("Summa eget kapital och skulder", m(st[0]), m(st[1])),
    ], M, notcol=True)
    d.p("""

    KASSAFLÖDESANALYS, mkr

    """)
    dfo = (fo[1] - fo[0], 3188 - fo[1])
    dsk = (sk[0] - sk[1], sk[1] - 4412)
    lop = (res[0] + dfo[0] + dsk[0], res[1] + dfo[1] + dsk[1])
    assert dfo == (-457, 233) and dsk == (303, 295) and lop == (-512, 2437)
    lb = (15318, 12881)
    assert (lb[0] + lop[0], lb[1] + lop[1]) == ka
    for i in range(2):
        tie([m(res[i]), m(dfo[i]), m(dsk[i])], m(lop[i]), h)
        tie([m(lb[i]), m(lop[i])], m(ka[i]), h)
    d.table("kassaflodesanalys", [["", "2019", "2018"]], [(2019, "utfall"), (2018, "utfall")], [
        R("Årets resultat", m(res[0]), m(res[1])),
        R("Förändring av kortfristiga fordringar", m(dfo[0]), m(dfo[1])),
        R("Förändring av kortfristiga skulder", m(dsk[0]), m(dsk[1])),
        R("Kassaflöde från den löpande verksamheten", m(lop[0]), m(lop[1])),
        R("Årets kassaflöde", m(lop[0]), m(lop[1])),
        R("Likvida medel vid årets början", m(lb[0]), m(lb[1])),
        R("Likvida medel vid årets slut", m(ka[0]), m(ka[1])),
    ], M)
    d.p("""

    Driftredovisning 2019, mkr

    """)
    dr = [("Medlemsbidrag", 46000, 46000), ("Övriga intäkter", 1236, 500), ("Insatser", -38412, -40000),
          ("Kansli och gemensamma kostnader", -9200, -9000), ("Finansnetto", 18, 0)]
    su = sum(x[1] for x in dr)
    sbud = sum(x[2] for x in dr)
    assert su == -358 and sbud == -2500 and -5846 - 1128 - 2226 == -9200
    rows = [R(lab, m(u), m(b), m(u) - m(b) if abs(m(u) - m(b)) > 1e-9 else C(0.0, text="0,0"))
            for lab, u, b in dr]
    rows.append(R("Årets resultat", m(su), m(sbud), round(m(su) - m(sbud), 1)))
    tie([m(x[1]) for x in dr], m(su), h)
    tie([m(x[2]) for x in dr], m(sbud), h)
    d.table("driftredovisning", [["", "Utfall", "Budget", "Avvikelse"]],
            [(2019, "utfall"), (2019, "budget"), (2019, "avvikelse")], rows, M)
    d.p("""

    Noter

    Not 1 Verksamhetens intäkter, mkr
    """)
    n1 = [("Försäkringskassan", 23000, 22400), ("Region Stockholm", 11500, 11200),
          ("Stockholms stad", 11500, 11200), ("Övriga intäkter", 1236, 1180)]
    for i in (1, 2):
        assert sum(x[i] for x in n1) == (47236, 45980)[i - 1]
        tie([m(x[i]) for x in n1], m((47236, 45980)[i - 1]), h)
    d.table("noter", [["", "2019", "2018"]], [(2019, "utfall"), (2018, "utfall")],
            [R(a, m(b), m(c)) for a, b, c in n1] + [R("Summa", m(47236), m(45980))], M, note=1)
    d.heading("Not 2 Verksamhetens kostnader, mkr")
    n2 = [("Köp av insatser", 38412, 36010), ("Personalkostnader", 5846, 5402), ("Lokalkostnader", 1128, 1090),
          ("Övriga kostnader", 2226, 1610)]
    for i in (1, 2):
        assert sum(x[i] for x in n2) == (47612, 44112)[i - 1]
        tie([m(x[i]) for x in n2], m((47612, 44112)[i - 1]), h)
    d.table("noter", [["", "2019", "2018"]], [(2019, "utfall"), (2018, "utfall")],
            [R(a, m(b), m(c)) for a, b, c in n2] + [R("Summa", m(47612), m(44112))], M, note=2)
    d.heading("Not 3 Kortfristiga fordringar, mkr")
    n3 = [("Momsfordran", 1904, 1712), ("Förutbetalda kostnader och upplupna intäkter", 1508, 1243)]
    for i in (1, 2):
        assert sum(x[i] for x in n3) == fo[i - 1]
        tie([m(x[i]) for x in n3], m(fo[i - 1]), h)
    d.table("noter", [["", "2019-12-31", "2018-12-31"]], [(2019, "utfall"), (2018, "utfall")],
            [R(a, m(b), m(c)) for a, b, c in n3] + [R("Summa", m(fo[0]), m(fo[1]))], M, note=3)
    d.p("""

    Stockholm den 20 februari 2020

    Styrelsen
    """)
    return d


# =============================================================================
# h04 Sundsvall 2013: old OCR with a different damage: å/ä/ö mostly a/a/o but some
#     ö→"6", å→"d", ä→"d"; OCR'd minus signs sometimes "—"; single spaces between
#     columns; wrapped labels whose figures stand on the LAST line. Clean.
# =============================================================================
def r04():
    d = Doc("h04_sundsvall_2013", "Samordningsförbundet Sundsvall", "arsredovisning", 2013, layout="single")
    T = 1000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    E = EM
    d.p("""
    SAMORDNINGSFÖRBUNDET SUNDSVALL

    ÅRSREDOVISNING 2013

    Förvaltningsberättelse

    Samordningsförbundet Sundsvall bildades 2006. Medlemmar är Försäkringskassan, Arbetsförmedlingen, Landstinget Västernorrland och Sundsvalls kommun. Förbundet har under året finansierat fem insatser för personer som står långt från arbetsmarknaden, bland annat Arbetsträning Sundsvall och Unga vuxna i Nacka-Skönsberg.

    Under året har 214 personer deltagit i insatserna och 61 av dem har gått vidare till arbete eller studier. Styrelsen har sammanträtt sju gånger.

    Ekonomi

    Förbundets intäkter uppgick till 6 840 tkr och kostnaderna till 7 115 tkr. Årets resultat blev ett underskott om 244 tkr, vilket var planerat. Det egna kapitalet uppgår till 3 398 tkr vid årets slut.

    Insatser under året

    Arbetsträning Sundsvall - 82 deltagare
    Unga vuxna i Nacka-Skönsberg - 47 deltagare
    Rehabkoordinator i primärvården - 39 deltagare
    Steget vidare - 28 deltagare
    Kompetensutveckling för handläggare - strukturinsats

    Flerårsöversikt (tkr)

    """)
    d.table("oversikt", [["", "2013", "2012", "2011"]], [(2013, "utfall"), (2012, "utfall"), (2011, "utfall")], [
        R("Verksamhetens intäkter", 6840, 6620, 6405),
        R("Verksamhetens kostnader", C(-7115, minus=E), -6412, -6688),
        R("Finansiella intäkter", 31, 44, 52),
        R("Årets resultat", C(-244, minus=E), 252, -231),
        R("Eget kapital", 3398, 3642, 3390),
    ], T)
    assert 6840 - 7115 + 31 == -244 and 6620 - 6412 + 44 == 252 and 6405 - 6688 + 52 == -231
    assert 3390 + 252 == 3642 and 3642 - 244 == 3398
    d.p("""

    Resultatrakning

    Belopp i tkr
    """)
    d.table("resultatrakning", [["", "2013", "2012"]], [(2013, "utfall"), (2012, "utfall")], [
        R("Verksamhetens intäkter", 6840, 6620),
        R("Verksamhetens kostnader", C(-7115, minus=E), -6412),
        R("Verksamhetens resultat", -275, 208),
        R("Finansiella intäkter", 31, 44),
        R("Årets resultat", C(-244, minus=E), 252),
    ], T)
    assert 6840 - 7115 == -275 and -275 + 31 == -244 and 6620 - 6412 == 208 and 208 + 44 == 252
    d.p("""

    Balansrakning

    Belopp i tkr
    """)
    d.table("balansrakning", [["", "2013-12-31", "2012-12-31"]], [(2013, "utfall"), (2012, "utfall")], [
        H("Tillgångar"),
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 402, 365),
        R("Kassa och bank", 4388, 4539),
        R("Summa omsättningstillgångar", 4790, 4904),
        R("Summa tillgångar", 4790, 4904),
        H("Eget kapital och skulder"),
        R("Ingående eget kapital", 3642, 3390),
        R("Årets resultat", C(-244, minus=E), 252),
        R("Summa eget kapital", 3398, 3642),
        H("Kortfristiga skulder"),
        R("Leverantörsskulder", 158, 151),
        R("intäkter", 1234, 1111, lead="Upplupna kostnader och förutbetalda"),
        R("Summa kortfristiga skulder", 1392, 1262),
        R("skulder", 4790, 4904, lead="Summa eget kapital, avsättningar och"),
    ], T)
    assert 402 + 4388 == 4790 and 365 + 4539 == 4904 and 158 + 1234 == 1392 and 151 + 1111 == 1262
    assert 3398 + 1392 == 4790 and 3642 + 1262 == 4904
    d.p("""

    Kassaflodesanalys

    Belopp i tkr
    """)
    d.table("kassaflodesanalys", [["", "2013", "2012"]], [(2013, "utfall"), (2012, "utfall")], [
        R("Årets resultat", C(-244, minus=E), 252),
        R("Ökning(-)/minskning(+) av kortfristiga fordringar", C(-37, minus=E), 84),
        R("Ökning(+)/minskning(-) av kortfristiga skulder", 130, -98),
        R("verksamheten", C(-151, minus=E), 238, lead="Kassaflöde från den löpande"),
        R("Årets kassaflöde", -151, 238),
        R("Likvida medel vid årets början", 4539, 4301),
        R("Likvida medel vid årets slut", 4388, 4539),
    ], T)
    assert 365 - 402 == -37 and 1392 - 1262 == 130 and -244 - 37 + 130 == -151 and 252 + 84 - 98 == 238
    assert 4539 - 151 == 4388 and 4301 + 238 == 4539
    d.p("""

    Noter

    Not 1 Verksamhetens intäkter
    """)
    n1 = [("Försäkringskassan", 3300, 3200), ("Landstinget Västernorrland", 1650, 1600),
          ("Sundsvalls kommun", 1650, 1600), ("Övriga intäkter", 240, 220)]
    assert sum(x[1] for x in n1) == 6840 and sum(x[2] for x in n1) == 6620
    d.table("noter", [["Tkr", "2013", "2012"]], [(2013, "utfall"), (2012, "utfall")],
            [R(*x) for x in n1] + [R("Summa", 6840, 6620)], T, note=1)
    d.heading("Not 2 Verksamhetens kostnader")
    n2 = [("Köp av insatser", 4912, 4384), ("Personalkostnader", 1488, 1402), ("Lokalkostnader", 214, 208),
          ("Styrelse och revision", 196, 171), ("Övriga kostnader", 305, 247)]
    assert sum(x[1] for x in n2) == 7115 and sum(x[2] for x in n2) == 6412
    d.table("noter", [["Tkr", "2013", "2012"]], [(2013, "utfall"), (2012, "utfall")],
            [R(*x) for x in n2] + [R("Summa", 7115, 6412)], T, note=2)
    d.heading("Not 3 Kortfristiga fordringar")
    d.table("noter", [["Tkr", "2013-12-31", "2012-12-31"]], [(2013, "utfall"), (2012, "utfall")], [
        R("Momsfordran", 190, 167),
        R("intäkter", 212, 198, lead="Förutbetalda kostnader och upplupna"),
        R("Summa", 402, 365)], T, note=3)
    assert 190 + 212 == 402 and 167 + 198 == 365
    d.p("""

    Sundsvall den 14 mars 2014

    Per Öhman                  Gunnel Åström             Håkan Näslund
    Ordförande                 Vice ordförande           Ledamot
    """)
    return d


def ocr2(text):
    """å/ä/ö -> a/a/o, but every third ö -> 6, every fourth å -> d, every fifth ä -> d."""
    cnt = {"ö": 0, "å": 0, "ä": 0}
    every = {"ö": (3, "6", "o"), "å": (4, "d", "a"), "ä": (5, "d", "a")}
    out = []
    for ch in text:
        if ch in every:
            cnt[ch] += 1
            n, bad, good = every[ch]
            out.append(bad if cnt[ch] % n == 0 else good)
        elif ch in "ÅÄÖ":
            out.append({"Å": "A", "Ä": "A", "Ö": "O"}[ch])
        else:
            out.append(ch)
    return "".join(out)


# =============================================================================
# h05 Huddinge, Botkyrka och Salem 2016: "Bilaga 1 Resultaträkning" etc., Årets
#     resultat "-1 205" in the income statement and balance sheet but "(1 205)" in
#     the cash-flow analysis and balanskrav, em dash cells, "Sida 4 av 14" footers.
#     Failures: the balance sheet does not balance (7 725 vs 7 728) and the cash-flow
#     closing cash 6 620 differs from Kassa och bank 6 617.
# =============================================================================
def r05():
    d = Doc("h05_huddinge_botkyrka_salem_2016", "Samordningsförbundet Huddinge, Botkyrka och Salem",
            "arsredovisning", 2016, layout="pad")
    T = 1000
    units(d, ("balanskrav", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    d.p("""
    Samordningsförbundet Huddinge, Botkyrka och Salem

    Årsredovisning för räkenskapsåret 2016

    Sida 1 av 14

    Förvaltningsberättelse

    Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Stockholms läns landsting samt Huddinge, Botkyrka och Salems kommuner. Förbundet har under 2016 finansierat tio insatser, varav fyra nya.

    Året i korthet

    Verksamhetens intäkter uppgick till 16 830 tkr (16 410 tkr). Kostnaderna ökade till 18 049 tkr, framför allt genom att insatsen Steg för steg utökades till Salem. Årets resultat blev -1 205 tkr, att jämföra med ett budgeterat underskott om 1 500 tkr. Förbundet har därmed börjat förbruka det egna kapital som byggts upp under tidigare år.

    Balanskravsutredning (tkr)

    """)
    d.table("balanskrav", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Årets resultat", C(-1205, paren=True), 441),
        R("Avgår realisationsvinster", EM, EM),
        R("Justerat resultat", C(-1205, paren=True), 441),
    ], T)
    d.p("""

    Sida 4 av 14

    Bilaga 1 Resultaträkning

    Belopp i tkr
    """)
    d.table("resultatrakning", [["", "Not", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Verksamhetens intäkter", 16830, 16410, note=1),
        R("Verksamhetens kostnader", -18049, -15988, note=2),
        R("Verksamhetens resultat", -1219, 422),
        R("Finansiella intäkter", 14, 21),
        R("Finansiella kostnader", EM, -2),
        R("Årets resultat", -1205, 441),
    ], T, notcol=True)
    assert 16830 - 18049 == -1219 and -1219 + 14 == -1205 and 16410 - 15988 == 422 and 422 + 21 - 2 == 441
    d.p("""

    Bilaga 2 Balansräkning

    Belopp i tkr
    """)
    d.table("balansrakning", [["", "Not", "2016-12-31", "2015-12-31"]], [(2016, "utfall"), (2015, "utfall")], [
        H("TILLGÅNGAR"),
        R("Kortfristiga fordringar", 1108, 842, note=3),
        R("Kassa och bank", 6617, 8190),
        R("Summa tillgångar", 7725, 9032),
        H("EGET KAPITAL OCH SKULDER"),
        R("Eget kapital vid årets början", 7412, 6971),
        R("Årets resultat", -1205, 441),
        R("Summa eget kapital", 6207, 7412),
        R("Kortfristiga skulder", 1521, 1620, note=4),
        R("Summa eget kapital och skulder", 7728, 9032),
    ], T, notcol=True)
    assert 1108 + 6617 == 7725 and 842 + 8190 == 9032 and 7412 - 1205 == 6207 and 6971 + 441 == 7412
    assert 6207 + 1521 == 7728 and 7412 + 1620 == 9032
    d.fail("balansrakning", 2016, "Summa tillgångar = Summa eget kapital och skulder", 7725000, 7728000,
           "the balance sheet does not balance: assets 7 725 against equity and liabilities 7 728 (3 tkr)")
    d.p("""

    Sida 5 av 14

    Bilaga 3 Kassaflödesanalys

    Belopp i tkr
    """)
    d.table("kassaflodesanalys", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Årets resultat", -1205, 441),
        R("Justering för ej likviditetspåverkande poster", 0, 0),
        R("Ökning/minskning av kortfristiga fordringar", -266, 95),
        R("Ökning/minskning av kortfristiga skulder", -99, 312),
        R("Kassaflöde från den löpande verksamheten", -1570, 848),
        R("Årets kassaflöde", -1570, 848),
        R("Likvida medel vid årets början", 8190, 7342),
        R("Likvida medel vid årets slut", 6620, 8190),
    ], T, paren=True)
    assert 842 - 1108 == -266 and 1521 - 1620 == -99 and -1205 - 266 - 99 == -1570 and 441 + 95 + 312 == 848
    assert 8190 - 1570 == 6620 and 7342 + 848 == 8190
    d.fail("kassaflodesanalys", 2016, "Likvida medel vid årets slut = Kassa och bank in the balance sheet",
           6620000, 6617000, "the cash-flow analysis closes at 6 620 but the balance sheet shows Kassa och bank 6 617")
    d.p("""

    Sida 6 av 14

    Bilaga 4 Noter

    Not 1 Verksamhetens intäkter (tkr)
    """)
    n1 = [("Försäkringskassan", 8000, 7800), ("Stockholms läns landsting", 4000, 3900),
          ("Huddinge kommun", 1760, 1716), ("Botkyrka kommun", 1720, 1677), ("Salems kommun", 520, 507),
          ("Övriga intäkter", 830, 810)]
    assert sum(x[1] for x in n1) == 16830 and sum(x[2] for x in n1) == 16410
    d.table("noter", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")],
            [R(*x) for x in n1] + [R("Summa intäkter", 16830, 16410)], T, note=1)
    d.heading("Not 2 Verksamhetens kostnader (tkr)")
    n2 = [("Insatser", 13905, 11920), ("Personalkostnader", 2812, 2705), ("Lokaler", 498, 486),
          ("Övriga kostnader", 834, 877)]
    assert sum(x[1] for x in n2) == 18049 and sum(x[2] for x in n2) == 15988
    d.table("noter", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")],
            [R(*x) for x in n2] + [R("Summa kostnader", 18049, 15988)], T, note=2)
    d.heading("Not 3 Kortfristiga fordringar (tkr)")
    d.table("noter", [["", "2016-12-31", "2015-12-31"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Kundfordringar", 412, 95), R("Momsfordran", 506, 548), R("Förutbetalda kostnader", 190, 199),
        R("Summa", 1108, 842)], T, note=3)
    assert 412 + 506 + 190 == 1108 and 95 + 548 + 199 == 842
    d.heading("Not 4 Kortfristiga skulder (tkr)")
    d.table("noter", [["", "2016-12-31", "2015-12-31"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Leverantörsskulder", 1102, 1210), R("Upplupna kostnader", 419, 410), R("Summa", 1521, 1620)],
        T, note=4)
    assert 1102 + 419 == 1521 and 1210 + 410 == 1620
    d.p("""

    Sida 7 av 14

    Huddinge den 22 februari 2017

    Karin Lund                 Ove Hansson                Fatima Rahimi
    Ordförande                 Vice ordförande            Ledamot

    Sida 8 av 14
    """)
    return d


# =============================================================================
# h06 Norra Bohuslän 2023: full kronor; NBSP thousands separators in the statements,
#     thin spaces (U+202F) in the cash flow and notes; budget follow-up per insats
#     "Insats | Beviljat 2023 | Utfall 2023 | Kvar" with "kr" in every cell and "±0 kr";
#     economic overview with Soliditet % and Antal deltagare rows. Clean.
# =============================================================================
def r06():
    d = Doc("h06_norra_bohuslan_2023", "Samordningsförbundet Norra Bohuslän", "arsredovisning", 2023,
            layout="pad", thou=NBSP)
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter", "budget"), "kr")
    d.p("""
    Samordningsförbundet Norra Bohuslän

    Årsredovisning 2023

    Förvaltningsberättelse

    Samordningsförbundet Norra Bohuslän omfattar Lysekils, Munkedals, Sotenäs, Strömstads och Tanums kommuner, Västra Götalandsregionen, Försäkringskassan och Arbetsförmedlingen. Under 2023 har 164 personer deltagit i förbundets insatser.

    Ekonomi i sammandrag (kr)

    """)
    ov = {"i": (7460592, 7108104, 6950300), "k": (-7299435, -7402773, -6812004),
          "r": (161157, -294669, 138296), "e": (3479559, 3318402, 3613071)}
    for i in range(3):
        assert ov["i"][i] + ov["k"][i] == ov["r"][i]
    assert 3613071 - 294669 == 3318402 and 3318402 + 161157 == 3479559
    d.table("oversikt", [["", "2023", "2022", "2021"]], [(2023, "utfall"), (2022, "utfall"), (2021, "utfall")], [
        R("Intäkter", *ov["i"]),
        R("Kostnader", *ov["k"]),
        R("Årets resultat", *ov["r"]),
        R("Eget kapital", *ov["e"]),
        R("Soliditet, %", "77", "79", "80"),
        R("Antal deltagare", "164", "151", "139"),
    ], 1)
    d.p("""

    Intäkter och kostnader i sammandraget inkluderar finansiella poster.

    Uppföljning av insatser 2023

    """)
    ins = [("Unga vuxna i arbete", 1450000, 1388412), ("Samverkansteam Strömstad–Tanum", 980000, 980000),
           ("Hälsofrämjande insats", 620000, 512300), ("Språk och arbete", 1250000, 1223508),
           ("Kompetensutveckling för medlemmarnas personal", 500000, None)]
    rows = []
    for lab, b, u in ins:
        kvar = b - (u or 0)
        rows.append(R(lab, b, EM if u is None else u, C(0, text="±0") if kvar == 0 else kvar))
    sb, su = sum(x[1] for x in ins), sum(x[2] or 0 for x in ins)
    assert sb == 4800000 and su == 4104220 and sb - su == 695780
    rows.append(R("Summa", sb, su, sb - su))
    d.table("budget", [["Insats", "Beviljat 2023", "Utfall 2023", "Kvar"]],
            [(2023, "budget"), (2023, "utfall"), (2023, "avvikelse")], rows, 1, thou=" ", suffix=" kr")
    d.p("""

    Kompetensutvecklingsinsatsen har flyttats till 2024 på grund av vakanser hos medlemmarna.

    Resultaträkning (kr)

    """)
    d.table("resultatrakning", [["", "Not", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Verksamhetens intäkter", 7412380, 7105000, note=1),
        R("Verksamhetens kostnader", -7298415, -7402118, note=2),
        R("Verksamhetens resultat", 113965, -297118),
        R("Finansiella intäkter", 48212, 3104),
        R("Finansiella kostnader", -1020, -655),
        R("Årets resultat", 161157, -294669),
    ], 1, notcol=True)
    assert 7412380 - 7298415 == 113965 and 113965 + 48212 - 1020 == 161157
    assert 7105000 - 7402118 == -297118 and -297118 + 3104 - 655 == -294669
    d.p("""

    Balansräkning (kr)

    """)
    d.table("balansrakning", [["", "Not", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 612447, 498210, note=3),
        R("Kassa och bank", 3904118, 3708560),
        R("Summa omsättningstillgångar", 4516565, 4206770),
        R("Summa tillgångar", 4516565, 4206770),
        H("Eget kapital och skulder"),
        R("Ingående eget kapital", 3318402, 3613071),
        R("Årets resultat", 161157, -294669),
        R("Summa eget kapital", 3479559, 3318402),
        R("Kortfristiga skulder", 1037006, 888368, note=4),
        R("Summa eget kapital och skulder", 4516565, 4206770),
    ], 1, notcol=True)
    assert 612447 + 3904118 == 4516565 and 498210 + 3708560 == 4206770
    assert 3479559 + 1037006 == 4516565 and 3318402 + 888368 == 4206770
    d.p("""

    Kassaflödesanalys (kr)

    """)
    d.table("kassaflodesanalys", [["", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Årets resultat", 161157, -294669),
        R("Förändring av kortfristiga fordringar", -114237, 56904),
        R("Förändring av kortfristiga skulder", 148638, -102511),
        R("Kassaflöde från den löpande verksamheten", 195558, -340276),
        R("Årets kassaflöde", 195558, -340276),
        R("Likvida medel vid årets början", 3708560, 4048836),
        R("Likvida medel vid årets slut", 3904118, 3708560),
    ], 1, thou=THIN)
    assert 498210 - 612447 == -114237 and 1037006 - 888368 == 148638
    assert 161157 - 114237 + 148638 == 195558 and -294669 + 56904 - 102511 == -340276
    assert 3708560 + 195558 == 3904118 and 4048836 - 340276 == 3708560
    d.p("""

    Noter

    Not 1 Verksamhetens intäkter
    """)
    n1 = [("Försäkringskassan", 3550000, 3500000), ("Västra Götalandsregionen", 1775000, 1750000),
          ("Kommunerna", 1775000, 1750000), ("Övriga intäkter", 312380, 105000)]
    assert sum(x[1] for x in n1) == 7412380 and sum(x[2] for x in n1) == 7105000
    d.table("noter", [["", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")],
            [R(*x) for x in n1] + [R("Summa", 7412380, 7105000)], 1, note=1, thou=THIN)
    d.heading("Not 2 Verksamhetens kostnader")
    n2 = [("Köp av insatser", 5104220, 5388410), ("Personalkostnader", 1502118, 1421004),
          ("Styrelse och revision", 286540, 271900), ("Övriga kostnader", 405537, 320804)]
    assert sum(x[1] for x in n2) == 7298415 and sum(x[2] for x in n2) == 7402118
    # Köp av insatser 2023 includes 1 000 000 kr of structural work outside the follow-up table
    assert 5104220 - 4104220 == 1000000
    d.table("noter", [["", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")],
            [R(*x) for x in n2] + [R("Summa", 7298415, 7402118)], 1, note=2, thou=THIN)
    d.heading("Not 3 Kortfristiga fordringar")
    d.table("noter", [["", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Momsfordran", 201447, 188210), R("Förutbetalda kostnader och upplupna intäkter", 411000, 310000),
        R("Summa", 612447, 498210)], 1, note=3, thou=THIN)
    assert 201447 + 411000 == 612447 and 188210 + 310000 == 498210
    d.heading("Not 4 Kortfristiga skulder")
    d.table("noter", [["", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Leverantörsskulder", 812006, 690368), R("Upplupna kostnader", 225000, 198000),
        R("Summa", 1037006, 888368)], 1, note=4, thou=THIN)
    assert 812006 + 225000 == 1037006 and 690368 + 198000 == 888368
    d.p("""

    Köp av insatser omfattar, utöver insatserna i uppföljningen, 1 000 000 kr för det länsgemensamma arbetet med SUS och kartläggning.

    Strömstad den 16 februari 2024

    Styrelsen för Samordningsförbundet Norra Bohuslän
    """)
    return d


# =============================================================================
# h07 Jämtlands län VP 2024: verksamhetsplan with Prognos 2023 | Budget 2024 |
#     Plan 2025 | Plan 2026 (plan years -> column budget), non-fact rows (EK i % av
#     medlemsbidrag, Antal insatser), money tables per insats over three years and a
#     member table for 2024. Clean.
# =============================================================================
def r07():
    d = Doc("h07_jamtlands_lan_vp_2024", "Samordningsförbundet i Jämtlands län", "verksamhetsplan_budget", 2024,
            layout="tab")
    T = 1000
    units(d, ("budget",), "tkr")
    d.p("""
    Samordningsförbundet i Jämtlands län

    Verksamhetsplan med budget 2024
    och plan för 2025–2026

    Fastställd av förbundsstämman och styrelsen 2023-11-24

    1. Inledning

    Samordningsförbundet i Jämtlands län omfattar Försäkringskassan, Arbetsförmedlingen, Region Jämtland Härjedalen och länets åtta kommuner: Berg, Bräcke, Härjedalen, Krokom, Ragunda, Strömsund, Åre och Östersund. Förbundet finansierar individinriktade insatser i hela länet och strukturinriktade insatser för att utveckla samverkan mellan medlemmarna.

    2. Mål för planperioden

    Minst 40 procent av deltagarna ska vid avslut ha kommit närmare arbetsmarknaden.
    Det egna kapitalet ska under perioden minskas till högst 30 procent av medlemsbidragen.
    Alla insatser ska följas upp i SUS.

    Prioriteringar 2024–2026

    Unga vuxna 18–29 år som varken arbetar eller studerar.
    Personer med psykisk ohälsa som behöver stöd från både hälso- och sjukvården och arbetsmarknadsinsatser.
    Utrikes födda kvinnor som står långt från arbetsmarknaden.
    Samverkan i de små kommunerna, där medlemmarnas resurser är begränsade.

    Risker

    Statens tilldelning är beslutad endast för 2024. Planåren 2025 och 2026 bygger på oförändrad nivå.
    Arbetsförmedlingens reformering kan påverka möjligheten att bemanna insatserna.

    3. Budget 2024 och plan 2025–2026

    Belopp i tkr
    """)
    cols = [(2023, "prognos"), (2024, "budget"), (2025, "budget"), (2026, "budget")]
    fk = [6400, 6600, 6800, 6800]
    rg = [3200, 3300, 3400, 3400]
    km = [3200, 3300, 3400, 3400]
    smb = [a + b + c for a, b, c in zip(fk, rg, km)]
    ovr = [150, EM, EM, EM]
    si = [smb[0] + 150] + smb[1:]
    ind = [-8210, -9500, -9300, -9100]
    stru = [-1420, -1800, -1700, -1600]
    kan = [-2650, -2780, -2860, -2950]
    sty = [-380, -420, -430, -440]
    sk = [sum(t) for t in zip(ind, stru, kan, sty)]
    fin = [120, 100, 60, 40]
    res = [a + b + c for a, b, c in zip(si, sk, fin)]
    assert smb == [12800, 13200, 13600, 13600] and si == [12950, 13200, 13600, 13600]
    assert sk == [-12660, -14500, -14290, -14090] and res == [410, -1200, -630, -450]
    ek = []
    e = 5540
    for r_ in res:
        e += r_
        ek.append(e)
    assert ek == [5950, 4750, 4120, 3670]
    d.table("budget", [["", "Prognos 2023", "Budget 2024", "Plan 2025", "Plan 2026"]], cols, [
        H("Intäkter"),
        R("Bidrag från staten", *fk),
        R("Bidrag från Region Jämtland Härjedalen", *rg),
        R("Bidrag från kommunerna", *km),
        R("Summa medlemsbidrag", *smb),
        R("Övriga intäkter", *ovr),
        R("Summa intäkter", *si),
        H("Kostnader"),
        R("Individinriktade insatser", *ind),
        R("Strukturinriktade insatser", *stru),
        R("Kansli", *kan),
        R("Styrelse och revision", *sty),
        R("Summa kostnader", *sk),
        R("Finansiella intäkter", *fin),
        R("Årets resultat", *res),
        R("Eget kapital vid årets slut", *ek),
        R("Eget kapital i % av medlemsbidragen", "46", "36", "30", "27"),
        R("Antal insatser", "9", "10", "9", "8"),
    ], T)
    d.p("""

    Bidrag från staten betalas av Försäkringskassan och avser Försäkringskassans och Arbetsförmedlingens andelar. Budgeten för 2024 förutsätter att staten höjer sin tilldelning med 3 procent.

    4. Individinriktade insatser

    Fördelning per insats, tkr
    """)
    ii = [("Jobbcentrum Östersund", 2400, 2400, 2300), ("Koordinatorer Härjedalen", 1650, 1600, 1600),
          ("IPS – individanpassat stöd till arbete", 1900, 1900, 1900),
          ("Unga till arbete Strömsund–Ragunda", 1350, 1300, 1250),
          ("Samverkan psykisk hälsa", 1100, 1100, 1050), ("Hälsocoach Krokom", 1100, 1000, 1000)]
    tot = [sum(x[i] for x in ii) for i in (1, 2, 3)]
    assert tot == [-x for x in ind[1:]]
    d.table("budget", [["Insats", "Budget 2024", "Plan 2025", "Plan 2026"]],
            [(2024, "budget"), (2025, "budget"), (2026, "budget")],
            [R(*x) for x in ii] + [R("Summa individinriktade insatser", *tot)], T)
    d.p("""

    IPS-insatsen drivs tillsammans med Region Jämtland Härjedalen och följer IPS-modellens trohetsskala. Jobbcentrum Östersund minskas 2026 när kommunen tar över en del av finansieringen.

    5. Strukturinriktade insatser

    Fördelning per insats, tkr
    """)
    st = [("Kompetensutveckling för medlemmarnas personal", 700, 650, 600),
          ("Kartläggning och uppföljning (SUS)", 400, 400, 400), ("Samverkansforum i kommunerna", 700, 650, 600)]
    tot2 = [sum(x[i] for x in st) for i in (1, 2, 3)]
    assert tot2 == [-x for x in stru[1:]]
    d.table("budget", [["Insats", "Budget 2024", "Plan 2025", "Plan 2026"]],
            [(2024, "budget"), (2025, "budget"), (2026, "budget")],
            [R(*x) for x in st] + [R("Summa strukturinriktade insatser", *tot2)], T)
    d.p("""

    6. Medlemsbidrag 2024

    Bidragen fördelas enligt lagens fördelning: staten 50 procent, regionen 25 procent och kommunerna 25 procent. Kommunernas andel fördelas efter invånarantal.

    Belopp i tkr
    """)
    mb = [("Försäkringskassan", 6800), ("Region Jämtland Härjedalen", 3400), ("Östersunds kommun", 1640),
          ("Krokoms kommun", 400), ("Åre kommun", 360), ("Härjedalens kommun", 300),
          ("Strömsunds kommun", 250), ("Bergs kommun", 170), ("Bräcke kommun", 150), ("Ragunda kommun", 130)]
    assert sum(x[1] for x in mb[2:]) == 3400 and sum(x[1] for x in mb) == 13600
    d.table("budget", [["Medlem", "2024"]], [(2024, "budget")],
            [R(*x) for x in mb] + [R("Totalt", 13600)], T)
    d.p("""

    7. Uppföljning

    Styrelsen följer upp budgeten vid varje sammanträde. En delårsrapport per den 31 augusti lämnas till medlemmarna.

    Tidplan 2024

    Februari: årsredovisning 2023 fastställs av styrelsen.
    April: medlemssamråd.
    September: delårsrapport per den 31 augusti.
    November: verksamhetsplan med budget 2025 fastställs.

    Östersund den 24 november 2023
    """)
    return d


# =============================================================================
# h08 Lund delårsrapport 2024-06-30: "Resultaträkning – belopp i tusen kronor",
#     Jan–jun 2024 | Jan–jun 2023 | Budget 2024; balance sheet 2024-06-30 vs
#     2023-12-31 (full-year 2023 result 788 vs half-year 400: not a failure);
#     Driftredovisning Budget 2024 | Utfall jan–jun | Prognos 2024 | Avvikelse with ±0;
#     key figures mixing money rows with Antal deltagare / Andel % / Soliditet %. Clean.
# =============================================================================
def r08():
    d = Doc("h08_lund_delar_2024", "Samordningsförbundet Lund", "delarsrapport", 2024, layout="pad")
    T = 1000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning",
              "noter"), "tkr")
    d.p("""
    Samordningsförbundet Lund

    Delårsrapport januari–juni 2024

    Förvaltningsberättelse

    Delårsrapporten avser perioden 1 januari–30 juni 2024. Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Skåne och Lunds kommun.

    Periodens resultat blev 674 tkr. Överskottet beror på att två insatser har haft vakanta tjänster under våren. För helåret prognostiseras ett överskott om 270 tkr mot ett budgeterat underskott om 520 tkr.

    Väsentliga händelser under perioden

    Insatsen Steg till arbete har utökats med en arbetsspecialist från Lunds kommun.
    Styrelsen har beslutat att förlänga IPS-insatsen till och med 2025.
    Förbundet har deltagit i Region Skånes arbete med en gemensam uppföljningsmodell.
    En medarbetarenkät har genomförts bland insatsernas personal.

    Insatser under perioden

    Steg till arbete - 64 deltagare
    IPS Lund - 52 deltagare
    Unga till arbete - 41 deltagare
    Hälsa och arbete - 33 deltagare
    Språkstöd i arbetsträning - 22 deltagare

    Nyckeltal

    """)
    d.table("oversikt", [["", "Jan–jun 2024", "Jan–jun 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Periodens resultat, tkr", 674, 400, gold="Periodens resultat"),
        R("Eget kapital, tkr", 6514, 5452, gold="Eget kapital"),
        R("Soliditet, %", "80", "83"),
        R("Antal deltagare", "212", "198"),
        R("Antal insatser", "8", "8"),
        R("Andel i egen försörjning efter avslut, %", "41", "37"),
    ], T)
    assert 5052 + 400 == 5452
    d.p("""

    Resultaträkning – belopp i tusen kronor

    """)
    d.table("resultatrakning", [["", "Not", "Jan–jun 2024", "Jan–jun 2023", "Budget 2024"]],
            [(2024, "utfall"), (2023, "utfall"), (2024, "budget")], [
        R("Verksamhetens intäkter", 4620, 4480, 9240, note=1),
        R("Verksamhetens kostnader", -3987, -4102, -9800, note=2),
        R("Verksamhetens resultat", 633, 378, -560),
        R("Finansiella intäkter", 41, 22, 40),
        R("Periodens resultat", 674, 400, -520),
    ], T, notcol=True)
    assert 4620 - 3987 == 633 and 633 + 41 == 674 and 4480 - 4102 == 378 and 378 + 22 == 400
    assert 9240 - 9800 == -560 and -560 + 40 == -520
    d.p("""

    Balansräkning – belopp i tusen kronor

    """)
    d.table("balansrakning", [["", "2024-06-30", "2023-12-31"]], [(2024, "utfall"), (2023, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", 1212, 386),
        R("Kassa och bank", 6905, 6511),
        R("Summa tillgångar", 8117, 6897),
        H("Eget kapital och skulder"),
        R("Ingående eget kapital", 5840, 5052),
        R("Periodens/årets resultat", 674, 788),
        R("Summa eget kapital", 6514, 5840),
        R("Kortfristiga skulder", 1603, 1057),
        R("Summa eget kapital och skulder", 8117, 6897),
    ], T)
    assert 1212 + 6905 == 8117 and 386 + 6511 == 6897 and 5840 + 674 == 6514 and 5052 + 788 == 5840
    assert 6514 + 1603 == 8117 and 5840 + 1057 == 6897
    d.p("""

    Balansräkningens jämförelsekolumn avser den 31 december 2023; resultaträkningens och kassaflödesanalysens jämförelsekolumner avser januari–juni 2023.

    Kassaflödesanalys – belopp i tusen kronor

    """)
    d.table("kassaflodesanalys", [["", "Jan–jun 2024", "Jan–jun 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Periodens resultat", 674, 400),
        R("Förändring av kortfristiga fordringar", -826, -540),
        R("Förändring av kortfristiga skulder", 546, 212),
        R("Kassaflöde från den löpande verksamheten", 394, 72),
        R("Periodens kassaflöde", 394, 72),
        R("Likvida medel vid periodens början", 6511, 5920),
        R("Likvida medel vid periodens slut", 6905, 5992),
    ], T)
    assert 386 - 1212 == -826 and 1603 - 1057 == 546 and 674 - 826 + 546 == 394 and 400 - 540 + 212 == 72
    assert 6511 + 394 == 6905 and 5920 + 72 == 5992
    d.p("""

    Driftredovisning och prognos

    """)
    dr = [("Medlemsbidrag", 9200, 4600, 9200), ("Övriga intäkter", 40, 20, 40),
          ("Individinsatser", -7200, -2812, -6600), ("Strukturinsatser", -900, -301, -700),
          ("Kansli och styrelse", -1700, -874, -1750), ("Finansnetto", 40, 41, 80)]
    tb, tu, tp = (sum(x[i] for x in dr) for i in (1, 2, 3))
    assert (tb, tu, tp) == (-520, 674, 270) and -2812 - 301 - 874 == -3987
    rows = [R(lab, b, u, p, C(0, text="±0") if p == b else p - b) for lab, b, u, p in dr]
    rows.append(R("Resultat", tb, tu, tp, tp - tb))
    d.table("driftredovisning", [["Tkr", "Budget 2024", "Utfall jan–jun", "Prognos 2024", "Avvikelse"]],
            [(2024, "budget"), (2024, "utfall"), (2024, "prognos"), (2024, "avvikelse")], rows, T)
    d.p("""

    Avvikelse avser prognos mot budget för helåret.

    Noter

    Not 1 Verksamhetens intäkter
    """)
    d.table("noter", [["", "Jan–jun 2024", "Jan–jun 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Medlemsbidrag", 4600, 4460), R("Övriga intäkter", 20, 20), R("Summa", 4620, 4480)], T, note=1)
    assert 4600 + 20 == 4620 and 4460 + 20 == 4480
    d.heading("Not 2 Verksamhetens kostnader")
    d.table("noter", [["", "Jan–jun 2024", "Jan–jun 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Köp av insatser", 3113, 3290), R("Personalkostnader", 612, 588), R("Övriga kostnader", 262, 224),
        R("Summa", 3987, 4102)], T, note=2)
    assert 3113 + 612 + 262 == 3987 and 3290 + 588 + 224 == 4102 and 2812 + 301 == 3113 and 612 + 262 == 874
    d.p("""

    Lund den 23 augusti 2024

    Styrelsen
    """)
    return d


# =============================================================================
def check_fact(d, f, lines):
    on_table_line(d, f, lines)
    assert f["difficulty"] == "normal"
    no_operator(d, f)


def main():
    generate(HERE, (r01, r02, r03, r04, r05, r06, r07, r08),
             lambda d, text: validate(d, text, check_fact=check_fact),
             post=lambda d, text: ocr2(text) if d.stem.startswith("h04") else text)


if __name__ == "__main__":
    main()
