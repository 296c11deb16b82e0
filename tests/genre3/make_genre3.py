#!/usr/bin/env python3
"""Generate the third set of synthetic genre reports (tests/genre3/*.txt) and their
gold (tests/genre3/gold/*.json) from the same numbers, so text and gold cannot disagree.

    python tests/genre3/make_genre3.py        # writes the files and validates them

This set covers what tests/genre and tests/genre2 do not: overview rows with the unit
inside the label ("Medlemsbidrag, tkr", "Eget kapital (tkr)", "Soliditet, %") and years
ascending, "Belopp (tkr)" on its own line above "Not  Utfall 2024  Utfall 2023", note
references at the end of the label ("Kortfristiga fordringar (not 5)", "Medlemsbidrag
Not 2") instead of a Not column, detailed cost lines under a "Kostnader" sub-heading with
"Summa kostnader", the municipal layout where members' contributions come after
"Verksamhetens nettokostnad", rule lines under sums ("-------", "======="), dotted
leaders inside a statement, notes with two small tables, labels with numbers in them
("Insats 1: Unga vuxna", "Projekt 2.0"), a delårsrapport with Utfall jan–aug 2024 /
Utfall jan–aug 2023 / Budget 2024 / Prognos 2024 and a pipe table, insats names with a
year, "&" and "/", an indirect cash flow ("Justering för av- och nedskrivningar"), a
balance sheet continued on the next page with "(forts.)" and a repeated column header,
full kronor without thousands separators, costs printed positive under "Kostnader",
inline money blocks in prose ("Beviljat belopp: … kr. Utbetalt: … kr. Återstår: … kr."),
a two-column Insats | Beviljat | Utbetalt table, old OCR with thousands separators
missing in some figures of the same table, and two reports with deliberate
inconsistencies (everything else is asserted here).  Gold follows
/work/shared/corpus/GOLD_FORMAT.md.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from genre_kit import BaseDoc, C, H, R, fmtnum, generate, no_operator, on_table_line, units, validate  # noqa: E402

RULE = H("@@RULE-")      # "-------" under each amount column
DRULE = H("@@RULE=")     # "=======" under each amount column


def tie(parts, total):
    assert sum(parts) == total, (parts, sum(parts), total)


class Doc(BaseDoc):
    def __init__(self, stem, org, doc_type, fy, layout="pad", thou=" "):
        super().__init__(stem, org, doc_type, fy, layout)
        self.thou = thou
        self.inline_ok = False      # money blocks in prose lines ending with "."

    def options(self, thou=None):
        """Per-table thousands separator (the document's by default)."""
        return self.thou if thou is None else thou

    def cell(self, v, thou):
        if isinstance(v, str):
            return v, None, None
        c = v if isinstance(v, C) else C(v)
        if c.text is not None:
            s = c.text
        else:
            s = fmtnum(c.v, minus="-" if c.minus is None else c.minus, thou=thou if c.thou is None else c.thou)
        return s, s, c

    def inline_money(self, initiative, items, mult=1):
        """One prose line: "Beviljat belopp: 450 000 kr. Utbetalt: 430 500 kr. Återstår: 19 500 kr." """
        self.inline_ok = True
        parts = []
        for lab, v, col in items:
            text, printed, c = self.cell(v, " ")
            parts.append(f"{lab}: {text} kr.")
            self.fact("budget", f"{initiative}: {lab}", self.fy, col, printed, c, mult)
        self.lines.append(" ".join(parts))


# =============================================================================
# k01 Skellefteå 2024: five-year overview with years ASCENDING and the unit inside the
#     label ("Medlemsbidrag, tkr", "Soliditet, %"), "Belopp (tkr)" on its own line above
#     "Not  Utfall 2024  Utfall 2023", detailed cost lines under a "Kostnader" sub-heading
#     with "Summa intäkter"/"Summa kostnader", TILLGÅNGAR / EGET KAPITAL OCH SKULDER in
#     capitals, indirect cash flow with "Justering för av- och nedskrivningar" and
#     investing, a note with two small tables (Medlemsbidrag / Övriga intäkter). Clean.
# =============================================================================
def r01():
    d = Doc("k01_skelleftea_2024", "Samordningsförbundet Skellefteå", "arsredovisning", 2024, layout="pad")
    T = 1000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    d.p("""
    Samordningsförbundet Skellefteå
    Årsredovisning 2024

    Fastställd av styrelsen 2025-02-20

    Förvaltningsberättelse

    Samordningsförbundet Skellefteå bildades 2009 och har fyra medlemmar: Försäkringskassan, Arbetsförmedlingen, Region Västerbotten och Skellefteå kommun. Förbundet finansierar insatser för personer i arbetsför ålder som behöver samordnat stöd för att komma närmare arbetsmarknaden.

    Under 2024 deltog 241 personer i förbundets insatser. Medlemsbidragen höjdes med 200 tkr jämfört med föregående år.

    Fem år i sammandrag

    """)
    yrs = [2020, 2021, 2022, 2023, 2024]
    mb = [6800, 7000, 7200, 7400, 7600]
    intak = [6850, 7040, 7260, 7455, 7690]
    kost = [-6702, -7210, -7105, -7790, -7588]
    fin = [2, 1, 5, 38, 44]
    res = [150, -169, 160, -297, 146]
    ek = [3010, 2841, 3001, 2704, 2850]
    for i in range(5):
        assert intak[i] + kost[i] + fin[i] == res[i]
    for i in range(1, 5):
        assert ek[i - 1] + res[i] == ek[i]
    d.table("oversikt", [[""] + [str(y) for y in yrs]], [(y, "utfall") for y in yrs], [
        R("Medlemsbidrag, tkr", *mb, gold="Medlemsbidrag"),
        R("Verksamhetens intäkter, tkr", *intak, gold="Verksamhetens intäkter"),
        R("Verksamhetens kostnader, tkr", *kost, gold="Verksamhetens kostnader"),
        R("Finansnetto, tkr", *fin, gold="Finansnetto"),
        R("Årets resultat, tkr", *res, gold="Årets resultat"),
        R("Eget kapital, tkr", *ek, gold="Eget kapital"),
        R("Soliditet, %", "78", "74", "77", "71", "73"),
        R("Antal deltagare", "198", "176", "214", "229", "241"),
    ], T)
    d.p("""

    Kostnaderna 2024 omfattar avskrivningar om 28 tkr. Soliditeten är eget kapital i procent av balansomslutningen.

    Ekonomiskt resultat

    Årets resultat blev 146 tkr. Förbundets eget kapital uppgår till 2 850 tkr, vilket motsvarar drygt fyra månaders kostnader och ligger inom styrelsens riktlinje.

    Resultaträkning

    Belopp (tkr)
    """)
    d.table("resultatrakning", [["", "Not", "Utfall 2024", "Utfall 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        H("Verksamhetens intäkter"),
        R("Medlemsbidrag", 7600, 7400, note=2),
        R("Övriga intäkter", 90, 55, note=2),
        R("Summa intäkter", 7690, 7455),
        H(""),
        H("Kostnader"),
        R("Personalkostnader", -2410, -2322, note=3),
        R("Köpta tjänster", -4420, -4788, note=4),
        R("Lokalkostnader", -318, -305),
        R("Övriga verksamhetskostnader", -412, -350),
        R("Avskrivningar", -28, -25, note=5),
        R("Summa kostnader", -7588, -7790),
        H(""),
        R("Verksamhetens resultat", 102, -335),
        R("Finansiella intäkter", 45, 39),
        R("Finansiella kostnader", -1, -1),
        R("Resultat efter finansiella poster", 146, -297),
        R("Årets resultat", 146, -297),
    ], T, notcol=True)
    tie([7600, 90], 7690); tie([7400, 55], 7455)
    tie([-2410, -4420, -318, -412, -28], -7588); tie([-2322, -4788, -305, -350, -25], -7790)
    tie([7690, -7588], 102); tie([7455, -7790], -335); tie([102, 45, -1], 146); tie([-335, 39, -1], -297)
    d.p("""

    Balansräkning

    Belopp (tkr)
    """)
    d.table("balansrakning", [["", "Not", "2024-12-31", "2023-12-31"]], [(2024, "utfall"), (2023, "utfall")], [
        H("TILLGÅNGAR"),
        H("Anläggningstillgångar"),
        R("Inventarier", 84, 62, note=5),
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 612, 540, note=6),
        R("Kassa och bank", 3206, 3180),
        R("Summa omsättningstillgångar", 3818, 3720),
        R("SUMMA TILLGÅNGAR", 3902, 3782),
        H(""),
        H("EGET KAPITAL OCH SKULDER"),
        H("Eget kapital"),
        R("Balanserat resultat", 2704, 3001),
        R("Årets resultat", 146, -297),
        R("Summa eget kapital", 2850, 2704),
        H("Kortfristiga skulder"),
        R("Leverantörsskulder", 705, 688),
        R("Övriga kortfristiga skulder", 347, 390, note=7),
        R("Summa kortfristiga skulder", 1052, 1078),
        R("SUMMA EGET KAPITAL OCH SKULDER", 3902, 3782),
    ], T, notcol=True)
    tie([612, 3206], 3818); tie([540, 3180], 3720); tie([84, 3818], 3902); tie([62, 3720], 3782)
    tie([2704, 146], 2850); tie([3001, -297], 2704); tie([705, 347], 1052); tie([688, 390], 1078)
    tie([2850, 1052], 3902); tie([2704, 1078], 3782)
    d.p("""

    Kassaflödesanalys

    Belopp (tkr)
    """)
    d.table("kassaflodesanalys", [["", "Utfall 2024", "Utfall 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        H("Den löpande verksamheten"),
        R("Årets resultat", 146, -297),
        R("Justering för av- och nedskrivningar", 28, 25),
        R("Medel från verksamheten före förändring av rörelsekapital", 174, -272),
        R("Ökning (-)/minskning (+) av kortfristiga fordringar", -72, 64),
        R("Ökning (+)/minskning (-) av kortfristiga skulder", -26, 68),
        R("Kassaflöde från den löpande verksamheten", 76, -140),
        H(""),
        H("Investeringsverksamheten"),
        R("Investering i materiella anläggningstillgångar", -50, -40),
        R("Kassaflöde från investeringsverksamheten", -50, -40),
        H(""),
        R("Årets kassaflöde", 26, -180),
        R("Likvida medel vid årets början", 3180, 3360),
        R("Likvida medel vid årets slut", 3206, 3180),
    ], T)
    tie([146, 28], 174); tie([-297, 25], -272); tie([540, -612], -72); tie([1052, -1078], -26)
    tie([174, -72, -26], 76); tie([-272, 64, 68], -140); tie([76, -50], 26); tie([-140, -40], -180)
    tie([3180, 26], 3206); tie([3360, -180], 3180)
    d.p("""

    Noter

    Not 1 Redovisningsprinciper
    Årsredovisningen är upprättad enligt lagen (2018:597) om kommunal bokföring och redovisning. Inventarier skrivs av linjärt över fem år.

    Not 2 Intäkter

    Medlemsbidrag per medlem
    """)
    d.table("noter", [["", "2024", "2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Försäkringskassan", 3800, 3700),
        R("Region Västerbotten", 1900, 1850),
        R("Skellefteå kommun", 1900, 1850),
        R("Summa medlemsbidrag", 7600, 7400),
    ], T, note=2)
    d.heading("Övriga intäkter")
    d.table("noter", [["", "2024", "2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Projektmedel ESF", 60, 40),
        R("Övriga bidrag", 30, 15),
        R("Summa övriga intäkter", 90, 55),
    ], T, note=2)
    tie([3800, 1900, 1900], 7600); tie([3700, 1850, 1850], 7400); tie([60, 30], 90); tie([40, 15], 55)
    d.heading("Not 3 Personalkostnader")
    d.table("noter", [["", "2024", "2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Löner", 1720, 1650),
        R("Sociala avgifter", 560, 545),
        R("Övriga personalkostnader", 130, 127),
        R("Summa personalkostnader", 2410, 2322),
    ], T, note=3)
    tie([1720, 560, 130], 2410); tie([1650, 545, 127], 2322)
    d.heading("Not 4 Köpta tjänster")
    d.table("noter", [["", "2024", "2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Köp av insatser från medlemmarna", 3620, 4010),
        R("Övriga köpta tjänster", 800, 778),
        R("Summa köpta tjänster", 4420, 4788),
    ], T, note=4)
    tie([3620, 800], 4420); tie([4010, 778], 4788)
    d.heading("Not 5 Inventarier")
    d.table("noter", [["", "2024", "2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Ingående anskaffningsvärde", 180, 140),
        R("Årets inköp", 50, 40),
        R("Utgående anskaffningsvärde", 230, 180),
        R("Ingående avskrivningar", -118, -93),
        R("Årets avskrivningar", -28, -25),
        R("Utgående avskrivningar", -146, -118),
        R("Bokfört värde", 84, 62),
    ], T, note=5)
    tie([180, 50], 230); tie([140, 40], 180); tie([-118, -28], -146); tie([-93, -25], -118)
    tie([230, -146], 84); tie([180, -118], 62)
    d.heading("Not 6 Kortfristiga fordringar")
    d.table("noter", [["", "2024-12-31", "2023-12-31"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Momsfordran", 402, 365),
        R("Förutbetalda kostnader och upplupna intäkter", 210, 175),
        R("Summa kortfristiga fordringar", 612, 540),
    ], T, note=6)
    tie([402, 210], 612); tie([365, 175], 540)
    d.heading("Not 7 Övriga kortfristiga skulder")
    d.table("noter", [["", "2024-12-31", "2023-12-31"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Upplupna semesterlöner", 198, 215),
        R("Personalens källskatt", 61, 58),
        R("Övriga upplupna kostnader", 88, 117),
        R("Summa övriga kortfristiga skulder", 347, 390),
    ], T, note=7)
    tie([198, 61, 88], 347); tie([215, 58, 117], 390)
    d.p("""

    Skellefteå den 20 februari 2025

    Anna Lindqvist, ordförande        Per Öberg, vice ordförande
    """)
    return d


# =============================================================================
# k02 Halmstad 2018: no Not column, the note reference at the end of the label
#     ("Verksamhetens intäkter (not 2)"; gold without it), three-year overview with years
#     ascending, "Verksamhetens nettokostnad", rule lines "-------" / "=======" under the
#     sums, and a balance sheet with dotted leaders on every amount row. Clean.
# =============================================================================
def r02():
    d = Doc("k02_halmstad_2018", "Samordningsförbundet Halmstad", "arsredovisning", 2018, layout="pad")
    T = 1000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    d.p("""
    SAMORDNINGSFÖRBUNDET HALMSTAD

    ÅRSREDOVISNING 2018

    Förvaltningsberättelse

    Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Region Halland och Halmstads kommun. Staten står för hälften av medlemsbidragen, regionen och kommunen för en fjärdedel var.

    Under året har förbundet finansierat sex insatser, bland annat Navigatorcentrum och Arbetsträning i samverkan. Totalt 163 deltagare har tagit del av insatserna.

    Ekonomisk översikt (tkr)

    """)
    yrs = [2016, 2017, 2018]
    intak, kost, fin = [5120, 5260, 5410], [-4980, -5390, -5502], [3, 2, 4]
    res, ek = [143, -128, -88], [2310, 2182, 2094]
    for i in range(3):
        assert intak[i] + kost[i] + fin[i] == res[i]
    assert ek[0] + res[1] == ek[1] and ek[1] + res[2] == ek[2]
    d.table("oversikt", [[""] + [str(y) for y in yrs]], [(y, "utfall") for y in yrs], [
        R("Verksamhetens intäkter", *intak),
        R("Verksamhetens kostnader", *kost),
        R("Finansnetto", *fin),
        R("Årets resultat", *res),
        R("Eget kapital", *ek),
        R("Soliditet %", "77", "80", "79"),
    ], T)
    d.p("""

    Årets underskott om 88 tkr var planerat och finansieras med eget kapital i enlighet med styrelsens beslut om att sänka det egna kapitalet.

    Resultaträkning (tkr)

    """)
    d.table("resultatrakning", [["", "2018", "2017"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Verksamhetens intäkter", 5410, 5260, shown="Verksamhetens intäkter (not 2)"),
        R("Verksamhetens kostnader", -5502, -5390, shown="Verksamhetens kostnader (not 3)"),
        RULE,
        R("Verksamhetens nettokostnad", -92, -130),
        R("Finansiella intäkter", 4, 2, shown="Finansiella intäkter (not 4)"),
        RULE,
        R("Resultat efter finansiella poster", -88, -128),
        DRULE,
        R("Årets resultat", -88, -128),
        DRULE,
    ], T)
    tie([5410, -5502], -92); tie([5260, -5390], -130); tie([-92, 4], -88); tie([-130, 2], -128)
    d.p("""

    Balansräkning (tkr)

    """)
    d.table("balansrakning", [["", "2018-12-31", "2017-12-31"]], [(2018, "utfall"), (2017, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", 488, 402, shown="Kortfristiga fordringar (not 5)"),
        R("Kassa och bank", 2150, 2340),
        RULE,
        R("Summa tillgångar", 2638, 2742),
        DRULE,
        H(""),
        H("Eget kapital och skulder"),
        R("Eget kapital", 2094, 2182, shown="Eget kapital (not 6)"),
        R("Kortfristiga skulder", 544, 560, shown="Kortfristiga skulder (not 7)"),
        RULE,
        R("Summa eget kapital och skulder", 2638, 2742),
        DRULE,
    ], T, layout="dots")
    tie([488, 2150], 2638); tie([402, 2340], 2742); tie([2094, 544], 2638); tie([2182, 560], 2742)
    d.p("""

    Kassaflödesanalys (tkr)

    """)
    d.table("kassaflodesanalys", [["", "2018", "2017"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Årets resultat", -88, -128),
        R("Förändring av kortfristiga fordringar", -86, 53),
        R("Förändring av kortfristiga skulder", -16, -30),
        RULE,
        R("Kassaflöde från den löpande verksamheten", -190, -105),
        R("Likvida medel vid årets början", 2340, 2445),
        RULE,
        R("Likvida medel vid årets slut", 2150, 2340),
        DRULE,
    ], T)
    tie([-88, -86, -16], -190); tie([-128, 53, -30], -105); tie([2340, -190], 2150); tie([2445, -105], 2340)
    tie([402, -488], -86); tie([544, -560], -16)
    d.p("""

    Noter

    Not 1 Redovisningsprinciper
    Årsredovisningen har upprättats enligt lagen om kommunal redovisning och rekommendationer från Rådet för kommunal redovisning i tillämpliga delar.

    Not 2 Verksamhetens intäkter
    """)
    d.table("noter", [["", "2018", "2017"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Försäkringskassan", 2650, 2600),
        R("Region Halland", 1325, 1300),
        R("Halmstads kommun", 1325, 1300),
        R("Övriga intäkter", 110, 60),
        RULE,
        R("Summa", 5410, 5260),
    ], T, note=2)
    tie([2650, 1325, 1325, 110], 5410); tie([2600, 1300, 1300, 60], 5260)
    d.heading("Not 3 Verksamhetens kostnader")
    d.table("noter", [["", "2018", "2017"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Köp av insatser", 3910, 3840),
        R("Personalkostnader", 1105, 1080),
        R("Styrelse och revision", 212, 198),
        R("Övriga kostnader", 275, 272),
        RULE,
        R("Summa", 5502, 5390),
    ], T, note=3)
    tie([3910, 1105, 212, 275], 5502); tie([3840, 1080, 198, 272], 5390)
    d.heading("Not 4 Finansiella intäkter")
    d.table("noter", [["", "2018", "2017"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Ränteintäkter", 4, 2),
    ], T, note=4)
    d.heading("Not 5 Kortfristiga fordringar")
    d.table("noter", [["", "2018-12-31", "2017-12-31"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Momsfordran", 301, 262),
        R("Upplupna intäkter", 187, 140),
        RULE,
        R("Summa", 488, 402),
    ], T, note=5)
    tie([301, 187], 488); tie([262, 140], 402)
    d.heading("Not 6 Eget kapital")
    d.table("noter", [["", "2018", "2017"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Ingående eget kapital", 2182, 2310),
        R("Årets resultat", -88, -128),
        RULE,
        R("Utgående eget kapital", 2094, 2182),
    ], T, note=6)
    d.heading("Not 7 Kortfristiga skulder")
    d.table("noter", [["", "2018-12-31", "2017-12-31"]], [(2018, "utfall"), (2017, "utfall")], [
        R("Leverantörsskulder", 322, 350),
        R("Upplupna kostnader", 222, 210),
        RULE,
        R("Summa", 544, 560),
    ], T, note=7)
    tie([322, 222], 544); tie([350, 210], 560)
    d.p("""

    Halmstad den 14 februari 2019

    Styrelsen för Samordningsförbundet Halmstad
    """)
    return d


# =============================================================================
# k03 Värmland delår 2024: delårsrapport januari–augusti, income statement with
#     Utfall jan–aug 2024 | Utfall jan–aug 2023 | Budget 2024 | Prognos 2024 (tab),
#     balance sheet 2024-08-31 vs 2023-12-31, a Driftredovisning as a pipe table, a note
#     whose rows carry numbers in their labels ("Insats 1: Unga vuxna", "Projekt 2.0"). The
#     2023 cash-flow closing cash (per 2023-08-31) differs from the balance sheet's
#     2023-12-31 cash: different dates, not a failure. Clean.
# =============================================================================
def r03():
    d = Doc("k03_varmland_delar_2024", "Samordningsförbundet Värmland", "delarsrapport", 2024, layout="pad")
    T = 1000
    units(d, ("resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "noter"), "tkr")
    d.p("""
    Samordningsförbundet Värmland

    Delårsrapport januari–augusti 2024

    Förvaltningsberättelse

    Samordningsförbundet Värmland omfattar Försäkringskassan, Arbetsförmedlingen, Region Värmland och tolv av länets kommuner. Delårsrapporten avser perioden 1 januari – 31 augusti 2024 och har inte granskats av revisorerna.

    Händelser under perioden

    Insatsen Unga vuxna har utökats till ytterligare två kommuner. Projekt 2.0, som är en vidareutveckling av det tidigare strukturprojektet för samverkan kring arbetsträning, startade i februari. Arbetsrehab Kil har haft färre deltagare än planerat.

    Under perioden har 318 personer deltagit i förbundets insatser, varav 57 procent kvinnor.

    Ekonomiskt utfall

    Periodens resultat uppgår till 780 tkr. Helårsprognosen är ett underskott om 110 tkr, att jämföra med det budgeterade underskottet om 440 tkr.

    Resultaträkning (tkr)

    """)
    cols = [(2024, "utfall"), (2023, "utfall"), (2024, "budget"), (2024, "prognos")]
    hdr = [["", "Utfall jan–aug 2024", "Utfall jan–aug 2023", "Budget 2024", "Prognos 2024"]]
    d.table("resultatrakning", hdr, cols, [
        R("Verksamhetens intäkter", 9120, 8840, 13680, 13700),
        R("Verksamhetens kostnader", -8402, -8915, -14180, -13900),
        R("Verksamhetens resultat", 718, -75, -500, -200),
        R("Finansiella intäkter", 62, 48, 60, 90),
        R("Periodens resultat", 780, -27, -440, -110),
    ], T, layout="tab")
    for a, b, c, _e in ((9120, -8402, 718, 62), (8840, -8915, -75, 48), (13680, -14180, -500, 60),
                       (13700, -13900, -200, 90)):
        tie([a, b], c)
    tie([718, 62], 780); tie([-75, 48], -27); tie([-500, 60], -440); tie([-200, 90], -110)
    d.p("""

    Balansräkning (tkr)

    """)
    d.table("balansrakning", [["", "2024-08-31", "2023-12-31"]], [(2024, "utfall"), (2023, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", 1140, 620),
        R("Kassa och bank", 7310, 6905),
        R("Summa tillgångar", 8450, 7525),
        H("Eget kapital och skulder"),
        R("Eget kapital vid årets början", 6130, 6402),
        R("Periodens/årets resultat", 780, -272),
        R("Summa eget kapital", 6910, 6130),
        R("Kortfristiga skulder", 1540, 1395),
        R("Summa eget kapital och skulder", 8450, 7525),
    ], T)
    tie([1140, 7310], 8450); tie([620, 6905], 7525); tie([6130, 780], 6910); tie([6402, -272], 6130)
    tie([6910, 1540], 8450); tie([6130, 1395], 7525)
    d.p("""

    Kassaflödesanalys (tkr)

    """)
    d.table("kassaflodesanalys", [["", "Jan–aug 2024", "Jan–aug 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Periodens resultat", 780, -27),
        R("Förändring av kortfristiga fordringar", -520, -310),
        R("Förändring av kortfristiga skulder", 145, 120),
        R("Kassaflöde från den löpande verksamheten", 405, -217),
        R("Likvida medel vid periodens början", 6905, 7150),
        R("Likvida medel vid periodens slut", 7310, 6933),
    ], T)
    tie([780, -520, 145], 405); tie([-27, -310, 120], -217); tie([6905, 405], 7310); tie([7150, -217], 6933)
    tie([620, -1140], -520); tie([1540, -1395], 145)
    d.p("""

    Jämförelsekolumnen i kassaflödesanalysen avser perioden januari–augusti 2023. Balansräkningens jämförelsekolumn avser den 31 december 2023.

    Driftredovisning (tkr)

    """)
    d.table("driftredovisning", [["Verksamhet", "Utfall jan–aug 2024", "Utfall jan–aug 2023", "Budget 2024",
                                  "Prognos 2024"]], cols, [
        R("Medlemsbidrag", 9120, 8840, 13680, 13680),
        R("Övriga intäkter", 0, 0, 0, 20),
        R("Insatser", -5702, -6125, -9580, -9300),
        R("Kansli och styrelse", -2700, -2790, -4600, -4600),
        R("Finansnetto", 62, 48, 60, 90),
        R("Resultat", 780, -27, -440, -110),
    ], T, layout="pipe")
    tie([9120, 0, -5702, -2700, 62], 780); tie([8840, 0, -6125, -2790, 48], -27)
    tie([13680, 0, -9580, -4600, 60], -440); tie([13680, 20, -9300, -4600, 90], -110)
    tie([-5702, -2700], -8402); tie([-9580, -4600], -14180); tie([-9300, -4600], -13900)
    d.p("""

    Prognosen för insatserna är lägre än budget eftersom Arbetsrehab Kil inte når full beläggning under hösten.

    Nyckeltal

    """)
    d.table("oversikt", [["", "Jan–aug 2024", "Jan–aug 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Antal deltagare", "318", "296"),
        R("Andel kvinnor, %", "57", "55"),
        R("Soliditet, %", "82", "80"),
    ], T)
    d.p("""

    Noter

    Not 1 Redovisningsprinciper
    Delårsrapporten är upprättad enligt samma principer som årsredovisningen 2023.

    Not 2 Verksamhetens kostnader
    """)
    d.table("noter", [["", "Jan–aug 2024", "Jan–aug 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Köp av insatser", 5702, 6125),
        R("Personalkostnader", 1840, 1905),
        R("Övriga kostnader", 860, 885),
        R("Summa", 8402, 8915),
    ], T, note=2)
    tie([5702, 1840, 860], 8402); tie([6125, 1905, 885], 8915); tie([1840, 860], 2700); tie([1905, 885], 2790)
    d.heading("Not 3 Köp av insatser")
    d.table("noter", [["", "Jan–aug 2024", "Jan–aug 2023"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Insats 1: Unga vuxna", 2410, 2620),
        R("Insats 2: Arbetsrehab Kil", 1980, 2105),
        R("Projekt 2.0", 1312, 1400),
        R("Summa köp av insatser", 5702, 6125),
    ], T, note=3)
    tie([2410, 1980, 1312], 5702); tie([2620, 2105, 1400], 6125)
    d.p("""

    Insats 1 och Insats 2 finansieras enligt beslut i styrelsen 2023-11-16. Projekt 2.0 löper till och med 2025.

    Not 4 Kortfristiga skulder
    """)
    d.table("noter", [["", "2024-08-31", "2023-12-31"]], [(2024, "utfall"), (2023, "utfall")], [
        R("Leverantörsskulder", 812, 706),
        R("Upplupna kostnader", 728, 689),
        R("Summa kortfristiga skulder", 1540, 1395),
    ], T, note=4)
    tie([812, 728], 1540); tie([706, 689], 1395)
    d.p("""

    Karlstad den 26 september 2024

    Styrelsen
    """)
    return d


# =============================================================================
# k04 Eskilstuna 2023: running header and "Sida 5 av 11" footers; the balance sheet
#     breaks between "Summa tillgångar" and EGET KAPITAL OCH SKULDER and continues as
#     "Balansräkning (forts.)" with its column header repeated; Driftredovisning with insats
#     rows "Sommarjobb 2023", "Arbete & hälsa", "Stöd/matchning"; two inline money blocks
#     in prose ("Beviljat belopp: 2 400 000 kr. Utbetalt: … kr. Återstår: … kr.").
#     Failure: Not 5 sums to 1 513 while the balance sheet's Kortfristiga skulder is 1 477.
# =============================================================================
def r04():
    d = Doc("k04_eskilstuna_2023", "Samordningsförbundet Eskilstuna", "arsredovisning", 2023, layout="tab")
    T = 1000
    units(d, ("resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "noter"), "tkr")
    units(d, ("budget",), "kr")
    RUN = "Samordningsförbundet Eskilstuna – Årsredovisning 2023"
    pg = [1]

    def page():
        pg[0] += 1
        d.lines.extend(["", f"Sida {pg[0] - 1} av @@T@@", "\f" + RUN, ""])

    d.p("""
    Samordningsförbundet Eskilstuna
    Årsredovisning 2023
    """)
    page()
    d.p("""
    Förvaltningsberättelse

    Samordningsförbundet Eskilstuna består av Försäkringskassan, Arbetsförmedlingen, Region Sörmland och Eskilstuna kommun. Förbundet stödjer insatser för individer som behöver samordnade rehabiliteringsinsatser för att uppnå eller förbättra sin förmåga att utföra förvärvsarbete.

    Insatser under året

    Sommarjobb 2023 gav 64 unga med försörjningsstöd en första arbetslivserfarenhet. Arbete & hälsa och Stöd/matchning har fortsatt enligt plan. Unga till arbete har haft god tillströmning.

    Uppföljning av beviljade medel

    Arbete & hälsa
    """)
    d.inline_money("Arbete & hälsa", [("Beviljat belopp", 2400000, "budget"), ("Utbetalt", 2209850, "utfall"),
                                      ("Återstår", 190150, "avvikelse")])
    d.heading("Unga till arbete")
    d.inline_money("Unga till arbete", [("Beviljat belopp", 1900000, "budget"), ("Utbetalt", 1720400, "utfall"),
                                        ("Återstår", 179600, "avvikelse")])
    assert 2400000 - 2209850 == 190150 and 1900000 - 1720400 == 179600
    d.p("""

    Återstående medel återförs till förbundets egna kapital och kan beviljas på nytt.

    Ekonomisk analys

    Årets resultat blev -263 tkr mot ett budgeterat underskott om 790 tkr. Det egna kapitalet uppgår till 3 550 tkr.
    """)
    page()
    d.p("""
    Resultaträkning (tkr)

    """)
    d.table("resultatrakning", [["", "Not", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Verksamhetens intäkter", 8950, 8700, note=2),
        R("Verksamhetens kostnader", -9284, -8412, note=3),
        R("Verksamhetens resultat", -334, 288),
        R("Finansiella intäkter", 71, 12),
        R("Årets resultat", -263, 300),
    ], T, notcol=True)
    tie([8950, -9284], -334); tie([8700, -8412], 288); tie([-334, 71], -263); tie([288, 12], 300)
    d.p("""

    Balansräkning (tkr)

    """)
    d.table("balansrakning", [["", "Not", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        H("TILLGÅNGAR"),
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 705, 611, note=4),
        R("Kassa och bank", 4322, 4550),
        R("Summa omsättningstillgångar", 5027, 5161),
        R("Summa tillgångar", 5027, 5161),
    ], T, notcol=True)
    page()
    d.p("""
    Balansräkning (forts.)

    """)
    d.table("balansrakning", [["", "Not", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        H("EGET KAPITAL OCH SKULDER"),
        H("Eget kapital"),
        R("Ingående eget kapital", 3813, 3513),
        R("Årets resultat", -263, 300),
        R("Summa eget kapital", 3550, 3813),
        H("Skulder"),
        R("Kortfristiga skulder", 1477, 1348, note=5),
        R("Summa eget kapital och skulder", 5027, 5161),
    ], T, notcol=True)
    tie([705, 4322], 5027); tie([611, 4550], 5161); tie([3813, -263], 3550); tie([3513, 300], 3813)
    tie([3550, 1477], 5027); tie([3813, 1348], 5161)
    d.p("""

    Kassaflödesanalys (tkr)

    """)
    d.table("kassaflodesanalys", [["", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Årets resultat", -263, 300),
        R("Förändring av kortfristiga fordringar", -94, 29),
        R("Förändring av kortfristiga skulder", 129, 58),
        R("Kassaflöde från den löpande verksamheten", -228, 387),
        R("Årets kassaflöde", -228, 387),
        R("Likvida medel vid årets början", 4550, 4163),
        R("Likvida medel vid årets slut", 4322, 4550),
    ], T)
    tie([-263, -94, 129], -228); tie([300, 29, 58], 387); tie([4550, -228], 4322); tie([4163, 387], 4550)
    tie([611, -705], -94); tie([1477, -1348], 129)
    page()
    d.p("""
    Driftredovisning 2023 (tkr)

    """)
    dr = [("Medlemsbidrag", 8800, 8800), ("Övriga intäkter", 150, 0), ("Sommarjobb 2023", -640, -600),
          ("Arbete & hälsa", -2210, -2400), ("Stöd/matchning", -1905, -1850), ("Unga till arbete", -1720, -1900),
          ("Kansli och styrelse", -2809, -2850), ("Finansnetto", 71, 10)]
    tu, tb = sum(x[1] for x in dr), sum(x[2] for x in dr)
    assert (tu, tb) == (-263, -790)
    tie([-640, -2210, -1905, -1720, -2809], -9284)
    d.table("driftredovisning", [["Verksamhet", "Utfall", "Budget", "Avvikelse"]],
            [(2023, "utfall"), (2023, "budget"), (2023, "avvikelse")],
            [R(lab, u, b, u - b) for lab, u, b in dr] + [R("Årets resultat", tu, tb, tu - tb)], T)
    d.heading("Avvikelse = utfall minus budget. Insatsernas utfall i kronor framgår av uppföljningen i förvaltningsberättelsen.")
    page()
    d.p("""
    Noter

    Not 1 Redovisningsprinciper
    Årsredovisningen är upprättad i enlighet med lagen om kommunal bokföring och redovisning.

    Not 2 Verksamhetens intäkter
    """)
    d.table("noter", [["", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Försäkringskassan", 4400, 4300),
        R("Region Sörmland", 2200, 2150),
        R("Eskilstuna kommun", 2200, 2150),
        R("Övriga intäkter", 150, 100),
        R("Summa", 8950, 8700),
    ], T, note=2)
    tie([4400, 2200, 2200, 150], 8950); tie([4300, 2150, 2150, 100], 8700)
    d.heading("Not 3 Verksamhetens kostnader")
    d.table("noter", [["", "2023", "2022"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Köp av insatser", 6475, 5702),
        R("Personalkostnader", 1990, 1920),
        R("Övriga kostnader", 819, 790),
        R("Summa", 9284, 8412),
    ], T, note=3)
    tie([640, 2210, 1905, 1720], 6475); tie([6475, 1990, 819], 9284); tie([5702, 1920, 790], 8412)
    tie([1990, 819], 2809)
    d.heading("Not 4 Kortfristiga fordringar")
    d.table("noter", [["", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Momsfordran", 488, 402),
        R("Upplupna intäkter", 217, 209),
        R("Summa", 705, 611),
    ], T, note=4)
    tie([488, 217], 705); tie([402, 209], 611)
    d.heading("Not 5 Kortfristiga skulder")
    d.table("noter", [["", "2023-12-31", "2022-12-31"]], [(2023, "utfall"), (2022, "utfall")], [
        R("Leverantörsskulder", 902, 785),
        R("Upplupna kostnader", 611, 563),
        R("Summa", 1513, 1348),
    ], T, note=5)
    tie([902, 611], 1513); tie([785, 563], 1348)
    d.fail("noter", 2023, "Not 5 Summa = Kortfristiga skulder in the balance sheet", 1513000, 1477000,
           "Not 5 sums to 1 513 (902 + 611) but the balance sheet reports Kortfristiga skulder 1 477")
    d.ambiguous.append({"statement": "balansrakning", "period": 2023,
                        "why": "the note/balance-sheet mismatch of Kortfristiga skulder may be reported "
                               "against the balance sheet; the balance sheet itself balances"})
    d.p("""

    Eskilstuna den 15 februari 2024

    Styrelsen för Samordningsförbundet Eskilstuna
    """)
    pg[0] += 1
    d.lines += ["", f"Sida {pg[0] - 1} av @@T@@"]
    d.lines = [x.replace("@@T@@", str(pg[0] - 1)) for x in d.lines]
    return d


# =============================================================================
# k05 Umeå 2012: full kronor WITHOUT thousands separators ("6741250"), Not column,
#     Driftredovisning Utfall / Budget / Avvikelse with intäkter and kostnader under their
#     own headings and the costs printed positive (signs as printed), avvikelse positive
#     when costs are below budget. Clean.
# =============================================================================
def r05():
    d = Doc("k05_umea_2012", "Samordningsförbundet Umeå", "arsredovisning", 2012, layout="pad", thou="")
    K = 1
    units(d, ("resultatrakning", "balansrakning", "kassaflodesanalys", "driftredovisning", "noter"), "kr")
    d.p("""
    Samordningsförbundet Umeå
    Årsredovisning 2012

    Förvaltningsberättelse

    Förbundets medlemmar är Försäkringskassan, Arbetsförmedlingen, Västerbottens läns landsting och Umeå kommun. Förbundet har under året finansierat åtta insatser, varav två strukturinsatser.

    Ekonomi

    Under året deltog 214 personer i förbundets insatser. Av de avslutade deltagarna gick 38 procent till arbete eller studier.

    Förbundet redovisar ett överskott om 165935 kronor för 2012. Det egna kapitalet uppgår vid årets slut till 3133637 kronor. Samtliga belopp i årsredovisningen anges i kronor.

    Resultaträkning

    """)
    d.table("resultatrakning", [["Belopp i kronor", "Not", "2012", "2011"]], [(2012, "utfall"), (2011, "utfall")], [
        R("Verksamhetens intäkter", 6741250, 6512800, note=2),
        R("Verksamhetens kostnader", -6603418, -6790112, note=3),
        R("Verksamhetens resultat", 137832, -277312),
        R("Finansiella intäkter", 28415, 31902),
        R("Finansiella kostnader", -312, -408),
        R("Årets resultat", 165935, -245818),
    ], K, notcol=True)
    tie([6741250, -6603418], 137832); tie([6512800, -6790112], -277312)
    tie([137832, 28415, -312], 165935); tie([-277312, 31902, -408], -245818)
    d.p("""

    Balansräkning

    """)
    d.table("balansrakning", [["Belopp i kronor", "Not", "2012-12-31", "2011-12-31"]],
            [(2012, "utfall"), (2011, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", 412380, 356410, note=4),
        R("Kassa och bank", 3288145, 3172226),
        R("Summa tillgångar", 3700525, 3528636),
        H(""),
        H("Eget kapital och skulder"),
        R("Eget kapital vid årets början", 2967702, 3213520),
        R("Årets resultat", 165935, -245818),
        R("Summa eget kapital", 3133637, 2967702),
        R("Kortfristiga skulder", 566888, 560934, note=5),
        R("Summa eget kapital och skulder", 3700525, 3528636),
    ], K, notcol=True)
    tie([412380, 3288145], 3700525); tie([356410, 3172226], 3528636); tie([2967702, 165935], 3133637)
    tie([3213520, -245818], 2967702); tie([3133637, 566888], 3700525); tie([2967702, 560934], 3528636)
    d.p("""

    Kassaflödesanalys

    """)
    d.table("kassaflodesanalys", [["Belopp i kronor", "2012", "2011"]], [(2012, "utfall"), (2011, "utfall")], [
        R("Årets resultat", 165935, -245818),
        R("Förändring av kortfristiga fordringar", -55970, 41710),
        R("Förändring av kortfristiga skulder", 5954, 48534),
        R("Kassaflöde från den löpande verksamheten", 115919, -155574),
        R("Likvida medel vid årets början", 3172226, 3327800),
        R("Likvida medel vid årets slut", 3288145, 3172226),
    ], K)
    tie([356410, -412380], -55970); tie([566888, -560934], 5954)
    tie([165935, -55970, 5954], 115919); tie([-245818, 41710, 48534], -155574)
    tie([3172226, 115919], 3288145); tie([3327800, -155574], 3172226)
    d.p("""

    Driftredovisning 2012

    """)
    d.table("driftredovisning", [["Belopp i kronor", "Utfall", "Budget", "Avvikelse"]],
            [(2012, "utfall"), (2012, "budget"), (2012, "avvikelse")], [
        H("Intäkter"),
        R("Medlemsbidrag", 6600000, 6600000, 0),
        R("Övriga intäkter", 141250, 100000, 41250),
        R("Summa intäkter", 6741250, 6700000, 41250),
        H(""),
        H("Kostnader"),
        R("Individinriktade insatser", 3912400, 4200000, 287600),
        R("Strukturinsatser", 1108220, 1250000, 141780),
        R("Kansli", 1297640, 1300000, 2360),
        R("Styrelse och revision", 285158, 300000, 14842),
        R("Summa kostnader", 6603418, 7050000, 446582),
        H(""),
        R("Resultat före finansiella poster", 137832, -350000, 487832),
    ], K)
    tie([6600000, 141250], 6741250); tie([6600000, 100000], 6700000); tie([0, 41250], 41250)
    tie([3912400, 1108220, 1297640, 285158], 6603418); tie([4200000, 1250000, 1300000, 300000], 7050000)
    tie([287600, 141780, 2360, 14842], 446582); tie([6741250, -6603418], 137832)
    tie([6700000, -7050000], -350000); tie([41250, 446582], 487832)
    d.p("""

    Avvikelsen anges som budget minus utfall för kostnaderna och utfall minus budget för intäkterna; ett positivt tal innebär ett bättre utfall än budgeterat.

    Noter

    Not 1 Redovisningsprinciper
    Årsredovisningen är upprättad enligt lagen om kommunal redovisning. Belopp anges i hela kronor.

    Not 2 Verksamhetens intäkter
    """)
    d.table("noter", [["", "2012", "2011"]], [(2012, "utfall"), (2011, "utfall")], [
        R("Försäkringskassan", 3300000, 3200000),
        R("Västerbottens läns landsting", 1650000, 1600000),
        R("Umeå kommun", 1650000, 1600000),
        R("Övriga intäkter", 141250, 112800),
        R("Summa", 6741250, 6512800),
    ], K, note=2)
    tie([3300000, 1650000, 1650000, 141250], 6741250); tie([3200000, 1600000, 1600000, 112800], 6512800)
    d.heading("Not 3 Verksamhetens kostnader")
    d.table("noter", [["", "2012", "2011"]], [(2012, "utfall"), (2011, "utfall")], [
        R("Köp av insatser", 5020620, 5301480),
        R("Personalkostnader", 1102330, 1088900),
        R("Övriga kostnader", 480468, 399732),
        R("Summa", 6603418, 6790112),
    ], K, note=3)
    tie([5020620, 1102330, 480468], 6603418); tie([5301480, 1088900, 399732], 6790112)
    tie([3912400, 1108220], 5020620); tie([1102330, 480468], 1297640 + 285158)
    d.heading("Not 4 Kortfristiga fordringar")
    d.table("noter", [["", "2012-12-31", "2011-12-31"]], [(2012, "utfall"), (2011, "utfall")], [
        R("Momsfordran", 298110, 250300),
        R("Upplupna intäkter", 114270, 106110),
        R("Summa", 412380, 356410),
    ], K, note=4)
    tie([298110, 114270], 412380); tie([250300, 106110], 356410)
    d.heading("Not 5 Kortfristiga skulder")
    d.table("noter", [["", "2012-12-31", "2011-12-31"]], [(2012, "utfall"), (2011, "utfall")], [
        R("Leverantörsskulder", 401250, 388100),
        R("Upplupna kostnader", 165638, 172834),
        R("Summa", 566888, 560934),
    ], K, note=5)
    tie([401250, 165638], 566888); tie([388100, 172834], 560934)
    d.p("""

    Umeå den 21 februari 2013

    Styrelsen
    """)
    return d


# =============================================================================
# k06 Västra Skaraborg 2011: old OCR, å/ä/ö lost (every fourth ö → "6", every seventh
#     → "é"), single spaces between columns, thousands separators missing in SOME figures
#     of the same table ("4 212 4105", "3420" beside "3 218"), four-year overview.
#     Failure: the overview prints Eget kapital 2010 as 3 418 (balance sheet: 3 481), so
#     the roll-forward breaks for 2010 (3 254 + 227) and for 2011 (3 418 - 155 ≠ 3 326).
# =============================================================================
def r06():
    d = Doc("k06_vastra_skaraborg_2011", "Samordningsförbundet Västra Skaraborg", "arsredovisning", 2011,
            layout="single")
    T = 1000
    N = lambda v: C(v, thou="")      # noqa: E731  a figure printed without its thousands space
    units(d, ("oversikt", "balanskrav", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    d.p("""
    Samordningsförbundet Västra Skaraborg
    Årsredovisning 2011

    Förvaltningsberättelse

    Samordningsförbundet Västra Skaraborg bildades 2007. Medlemmar är Försäkringskassan, Arbetsförmedlingen, Västra Götalandsregionen samt Lidköpings, Götene, Grästorps, Vara och Essunga kommuner. Förbundets styrelse har under året haft sex sammanträden.

    Verksamheten har under 2011 omfattat fem insatser för personer som står långt från arbetsmarknaden. Flera av insatserna har följts upp av en extern utvärderare som har lämnat sin slutrapport under hösten.

    Flerårsöversikt (tkr)
    """)
    yrs = [2011, 2010, 2009, 2008]
    d.table("oversikt", [[""] + [str(y) for y in yrs]], [(y, "utfall") for y in yrs], [
        R("Verksamhetens intäkter", 4212, N(4105), 3980, 3870),
        R("Verksamhetens kostnader", -4398, -3902, -4011, -3720),
        R("Finansnetto", 31, 24, 12, 40),
        R("Årets resultat", -155, 227, -19, 190),
        R("Eget kapital", 3326, C(3418, true=3481), 3254, 3273),
        R("Soliditet i procent", "87", "87", "85", "84"),
    ], T)
    for i, r in enumerate(((4212, -4398, 31, -155), (4105, -3902, 24, 227), (3980, -4011, 12, -19),
                           (3870, -3720, 40, 190))):
        assert r[0] + r[1] + r[2] == r[3], i
    assert 3273 - 19 == 3254 and 3254 + 227 == 3481 and 3481 - 155 == 3326
    d.fail("oversikt", 2010, "Eget kapital = föregående års eget kapital + årets resultat", 3418000, 3481000,
           "the overview prints Eget kapital 2010 as 3 418 although 3 254 + 227 = 3 481 (the balance sheet's figure)")
    d.fail("oversikt", 2011, "Eget kapital = föregående års eget kapital + årets resultat", 3326000, 3263000,
           "the overview prints 3 326 for 2011 although its own 2010 figure gives 3 418 - 155 = 3 263")
    d.ambiguous.append({"statement": "balansrakning", "period": 2010,
                        "why": "the overview's Eget kapital 2010 (3 418) differs from the balance sheet's "
                               "Summa eget kapital 2010 (3 481); the slip is the overview's, but a check may "
                               "report the mismatch against the balance sheet, which itself adds up"})
    d.p("""

    Soliditeten anges som eget kapital i procent av balansomslutningen.

    Insatser under aret

    Steg till arbete, Lidkoping och Gotene - 48 deltagare
    Ung framtid, Vara och Essunga - 31 deltagare
    Halsoteamet, Grastorp - 22 deltagare
    Arbetslivsinriktad rehabilitering, hela forbundet - 57 deltagare
    Samverkansutbildning for personal - 112 deltagare

    Balanskravsutredning (tkr)
    """)
    d.table("balanskrav", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Årets resultat", -155, 227),
        R("Avgår realisationsvinster", 0, 0),
        R("Balanskravsresultat", -155, 227),
    ], T)
    d.p("""

    Förbundet redovisar ett negativt balanskravsresultat. Underskottet täcks av det egna kapitalet, som enligt styrelsens beslut ska minskas.

    Sida 4 (9)

    Resultatrakning (tkr)
    """)
    d.table("resultatrakning", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Verksamhetens intäkter", 4212, N(4105)),
        R("Verksamhetens kostnader", -4398, -3902),
        R("Verksamhetens nettokostnad", -186, 203),
        R("Finansiella intäkter", 31, 24),
        R("Årets resultat", -155, 227),
    ], T)
    tie([4212, -4398], -186); tie([4105, -3902], 203); tie([-186, 31], -155); tie([203, 24], 227)
    d.heading("Balansrakning (tkr)")
    d.table("balansrakning", [["", "2011-12-31", "2010-12-31"]], [(2011, "utfall"), (2010, "utfall")], [
        H("Tillgångar"),
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 612, 574),
        R("Kassa och bank", 3218, N(3420)),
        R("Summa tillgångar", N(3830), 3994),
        H("Eget kapital och skulder"),
        R("Balanserat kapital", 3481, 3254),
        R("Årets resultat", -155, 227),
        R("Summa eget kapital", 3326, 3481),
        R("Kortfristiga skulder", 504, 513),
        R("Summa eget kapital och skulder", 3830, N(3994)),
    ], T)
    tie([612, 3218], 3830); tie([574, 3420], 3994); tie([3481, -155], 3326); tie([3254, 227], 3481)
    tie([3326, 504], 3830); tie([3481, 513], 3994)
    d.heading("Kassaflödesanalys (tkr)")
    d.table("kassaflodesanalys", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Årets resultat", -155, 227),
        R("Förändring av fordringar", -38, 27),
        R("Förändring av skulder", -9, -27),
        R("Kassaflöde från den löpande verksamheten", -202, 227),
        R("Likvida medel vid årets början", N(3420), 3193),
        R("Likvida medel vid årets slut", 3218, N(3420)),
    ], T)
    tie([574, -612], -38); tie([504, -513], -9); tie([-155, -38, -9], -202); tie([227, 27, -27], 227)
    tie([3420, -202], 3218); tie([3193, 227], 3420)
    d.p("""

    Noter

    Not 1 Verksamhetens intäkter
    """)
    d.table("noter", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Försäkringskassan", 2050, 2000),
        R("Västra Götalandsregionen", 1025, 1000),
        R("Kommunerna", N(1025), 1000),
        R("Övriga intäkter", 112, 105),
        R("Summa", 4212, N(4105)),
    ], T, note=1)
    tie([2050, 1025, 1025, 112], 4212); tie([2000, 1000, 1000, 105], 4105)
    d.heading("Not 2 Verksamhetens kostnader")
    d.table("noter", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Köp av insatser", 3102, N(2688)),
        R("Personalkostnader", 905, 860),
        R("Övriga kostnader", 391, 354),
        R("Summa", N(4398), 3902),
    ], T, note=2)
    tie([3102, 905, 391], 4398); tie([2688, 860, 354], 3902)
    d.heading("Not 3 Kortfristiga skulder")
    d.table("noter", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Leverantörsskulder", 318, 296),
        R("Upplupna kostnader", 186, 217),
        R("Summa", 504, 513),
    ], T, note=3)
    tie([318, 186], 504); tie([296, 217], 513)
    d.heading("Not 4 Kortfristiga fordringar")
    d.table("noter", [["", "2011", "2010"]], [(2011, "utfall"), (2010, "utfall")], [
        R("Momsfordran", 402, 388),
        R("Upplupna intäkter", 210, 186),
        R("Summa", 612, 574),
    ], T, note=4)
    tie([402, 210], 612); tie([388, 186], 574)
    d.p("""

    Sida 8 (9)

    Förbundets revisorer har granskat årsredovisningen. Revisionsberättelsen bifogas.

    Lidköping den 28 februari 2012

    Styrelsen för Samordningsförbundet Västra Skaraborg

    Gunnar Höglund Märta Sjöström Göran Lövgren
    """)
    return d


def ocr3(text):
    """å/ä/ö -> a/a/o, but every fourth ö -> "6" and every seventh -> "é"."""
    n, out = 0, []
    for ch in text:
        if ch == "ö":
            n += 1
            out.append("6" if n % 4 == 0 else "é" if n % 7 == 0 else "o")
        elif ch in "åä":
            out.append("a")
        elif ch in "ÅÄÖ":
            out.append({"Å": "A", "Ä": "A", "Ö": "O"}[ch])
        else:
            out.append(ch)
    return "".join(out)


# =============================================================================
# k07 Consensus (Borås) 2016: municipal layout — Verksamhetens intäkter / kostnader /
#     nettokostnad, then "Bidrag från medlemmar" below the net cost; header cell
#     "Belopp i tkr" on the Not/amount line; three-year overview (descending) with the unit
#     in parentheses in the label ("Eget kapital (tkr)", "Soliditet (%)"); a two-column
#     "Insats | Beviljat | Utbetalt" table in kr inside a tkr report. Clean.
# =============================================================================
def r07():
    d = Doc("k07_consensus_2016", "Samordningsförbundet Consensus", "arsredovisning", 2016, layout="pad")
    T = 1000
    units(d, ("oversikt", "resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    units(d, ("budget",), "kr")
    d.p("""
    Samordningsförbundet Consensus
    Borås · Bollebygd · Mark · Svenljunga · Tranemo · Ulricehamn

    Årsredovisning 2016

    Förvaltningsberättelse

    Samordningsförbundet Consensus är ett av Västra Götalands samordningsförbund. Medlemmar är Försäkringskassan, Arbetsförmedlingen, Västra Götalandsregionen och sex kommuner i Sjuhäradsbygden. Förbundet finansierar både individinriktade insatser och strukturövergripande samverkan.

    Flerårsjämförelse

    """)
    yrs = [2016, 2015, 2014]
    bm, nk, res, ek = [10000, 9800, 9600], [-10192, -9524, -9710], [-174, 301, -85], [4612, 4786, 4485]
    fin = [18, 25, 25]
    for i in range(3):
        assert nk[i] + bm[i] + fin[i] == res[i]
    assert ek[2] + res[1] == ek[1] and ek[1] + res[0] == ek[0]
    d.table("oversikt", [[""] + [str(y) for y in yrs]], [(y, "utfall") for y in yrs], [
        R("Bidrag från medlemmar (tkr)", *bm, gold="Bidrag från medlemmar"),
        R("Verksamhetens nettokostnad (tkr)", *nk, gold="Verksamhetens nettokostnad"),
        R("Årets resultat (tkr)", *res, gold="Årets resultat"),
        R("Eget kapital (tkr)", *ek, gold="Eget kapital"),
        R("Soliditet (%)", "82", "84", "81"),
        R("Antal deltagare", "402", "377", "351"),
    ], T)
    d.p("""

    Resultaträkning

    """)
    d.table("resultatrakning", [["Belopp i tkr", "Not", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Verksamhetens intäkter", 320, 280, note=1),
        R("Verksamhetens kostnader", -10512, -9804, note=2),
        R("Verksamhetens nettokostnad", -10192, -9524),
        R("Bidrag från medlemmar", 10000, 9800),
        R("Resultat före finansiella poster", -192, 276),
        R("Finansiella intäkter", 18, 25),
        R("Årets resultat", -174, 301),
    ], T, notcol=True)
    tie([320, -10512], -10192); tie([280, -9804], -9524); tie([-10192, 10000], -192); tie([-9524, 9800], 276)
    tie([-192, 18], -174); tie([276, 25], 301)
    d.p("""

    Balansräkning

    """)
    d.table("balansrakning", [["Belopp i tkr", "Not", "2016-12-31", "2015-12-31"]],
            [(2016, "utfall"), (2015, "utfall")], [
        H("Tillgångar"),
        R("Kortfristiga fordringar", 702, 611, note=3),
        R("Kassa och bank", 4920, 5080),
        R("Summa tillgångar", 5622, 5691),
        H("Eget kapital och skulder"),
        R("Eget kapital", 4612, 4786, note=4),
        R("Kortfristiga skulder", 1010, 905, note=5),
        R("Summa eget kapital och skulder", 5622, 5691),
    ], T, notcol=True)
    tie([702, 4920], 5622); tie([611, 5080], 5691); tie([4612, 1010], 5622); tie([4786, 905], 5691)
    d.p("""

    Kassaflödesanalys

    """)
    d.table("kassaflodesanalys", [["Belopp i tkr", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Årets resultat", -174, 301),
        R("Ökning (-)/minskning (+) av kortfristiga fordringar", -91, 44),
        R("Ökning (+)/minskning (-) av kortfristiga skulder", 105, -25),
        R("Kassaflöde från den löpande verksamheten", -160, 320),
        R("Årets kassaflöde", -160, 320),
        R("Likvida medel vid årets början", 5080, 4760),
        R("Likvida medel vid årets slut", 4920, 5080),
    ], T)
    tie([611, -702], -91); tie([1010, -905], 105); tie([-174, -91, 105], -160); tie([301, 44, -25], 320)
    tie([5080, -160], 4920); tie([4760, 320], 5080)
    d.p("""

    Insatser 2016

    Jobbcentrum Mark erbjuder arbetsträning och stöd till personer med långvarigt försörjningsstöd.
    Unga på väg Borås vänder sig till unga vuxna mellan 18 och 29 år som varken arbetar eller studerar.
    Hälsoteam Ulricehamn kombinerar fysisk aktivitet, samtalsstöd och arbetslivsinriktade åtgärder.
    Utbetalda medel understiger beviljade medel främst därför att Hälsoteam Ulricehamn hade en vakant tjänst under hösten.

    Beviljade och utbetalda medel per insats 2016 (kr)

    """)
    ins = [("Jobbcentrum Mark", 1450000, 1412380), ("Unga på väg Borås", 2100000, 2086540),
           ("Hälsoteam Ulricehamn", 820000, 744900)]
    sb, su = sum(x[1] for x in ins), sum(x[2] for x in ins)
    assert (sb, su) == (4370000, 4243820)
    d.table("budget", [["Insats", "Beviljat", "Utbetalt"]], [(2016, "budget"), (2016, "utfall")],
            [R(*x) for x in ins] + [R("Summa", sb, su)], 1)
    d.p("""

    Noter

    Not 1 Verksamhetens intäkter
    """)
    d.table("noter", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("ESF-medel", 240, 210),
        R("Övriga intäkter", 80, 70),
        R("Summa", 320, 280),
    ], T, note=1)
    tie([240, 80], 320); tie([210, 70], 280)
    d.heading("Not 2 Verksamhetens kostnader")
    d.table("noter", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Köp av insatser", 7820, 7212),
        R("Personalkostnader", 1905, 1850),
        R("Lokalkostnader", 312, 298),
        R("Övriga verksamhetskostnader", 475, 444),
        R("Summa", 10512, 9804),
    ], T, note=2)
    tie([7820, 1905, 312, 475], 10512); tie([7212, 1850, 298, 444], 9804)
    d.heading("Not 3 Kortfristiga fordringar")
    d.table("noter", [["", "2016-12-31", "2015-12-31"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Momsfordran", 455, 398),
        R("Förutbetalda kostnader", 247, 213),
        R("Summa", 702, 611),
    ], T, note=3)
    tie([455, 247], 702); tie([398, 213], 611)
    d.heading("Not 4 Eget kapital")
    d.table("noter", [["", "2016", "2015"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Ingående eget kapital", 4786, 4485),
        R("Årets resultat", -174, 301),
        R("Utgående eget kapital", 4612, 4786),
    ], T, note=4)
    d.heading("Not 5 Kortfristiga skulder")
    d.table("noter", [["", "2016-12-31", "2015-12-31"]], [(2016, "utfall"), (2015, "utfall")], [
        R("Leverantörsskulder", 712, 640),
        R("Upplupna kostnader", 298, 265),
        R("Summa", 1010, 905),
    ], T, note=5)
    tie([712, 298], 1010); tie([640, 265], 905)
    d.p("""

    Borås den 16 februari 2017

    Styrelsen för Samordningsförbundet Consensus
    """)
    return d


# =============================================================================
# k08 Norra Örebro län 2025: note references as "Not 3" at the end of the label
#     ("Personalkostnader Not 3"; gold without it), "Intäkter"/"Kostnader" sub-headings with
#     Summa intäkter / Summa kostnader, rule lines under sums, TILLGÅNGAR in capitals,
#     indirect cash flow with "Justering för av- och nedskrivningar", a note with two
#     tables (members / the four municipalities), a movement note. Clean.
# =============================================================================
def r08():
    d = Doc("k08_norra_orebro_lan_2025", "Samordningsförbundet Norra Örebro län", "arsredovisning", 2025,
            layout="pad")
    T = 1000
    units(d, ("resultatrakning", "balansrakning", "kassaflodesanalys", "noter"), "tkr")
    d.p("""
    Samordningsförbundet Norra Örebro län
    Årsredovisning 2025

    Förvaltningsberättelse

    Förbundet omfattar Försäkringskassan, Arbetsförmedlingen, Region Örebro län samt Lindesbergs, Nora, Hällefors och Ljusnarsbergs kommuner. Förbundet har under 2025 finansierat fem insatser och en gemensam kompetensutveckling för medlemmarnas personal.

    Årets resultat uppgår till 48 tkr (134 tkr). Det egna kapitalet är 2 834 tkr.

    Resultaträkning, tkr

    """)
    S = lambda lab, n: f"{lab} Not {n}"  # noqa: E731
    d.table("resultatrakning", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        H("Intäkter"),
        R("Medlemsbidrag", 5400, 5200, shown=S("Medlemsbidrag", 2)),
        R("Övriga intäkter", 35, 18),
        RULE,
        R("Summa intäkter", 5435, 5218),
        H(""),
        H("Kostnader"),
        R("Personalkostnader", -1622, -1580, shown=S("Personalkostnader", 3)),
        R("Köpta tjänster", -3240, -3010, shown=S("Köpta tjänster", 4)),
        R("Lokalkostnader", -198, -192),
        R("Övriga verksamhetskostnader", -361, -340),
        R("Avskrivningar", -22, -22, shown=S("Avskrivningar", 5)),
        RULE,
        R("Summa kostnader", -5443, -5144),
        H(""),
        R("Verksamhetens resultat", -8, 74),
        R("Finansiella intäkter", 58, 61, shown=S("Finansiella intäkter", 6)),
        R("Finansiella kostnader", -2, -1),
        RULE,
        R("Årets resultat", 48, 134),
        DRULE,
    ], T)
    tie([5400, 35], 5435); tie([5200, 18], 5218); tie([-1622, -3240, -198, -361, -22], -5443)
    tie([-1580, -3010, -192, -340, -22], -5144); tie([5435, -5443], -8); tie([5218, -5144], 74)
    tie([-8, 58, -2], 48); tie([74, 61, -1], 134)
    d.p("""

    Balansräkning, tkr

    """)
    d.table("balansrakning", [["", "2025-12-31", "2024-12-31"]], [(2025, "utfall"), (2024, "utfall")], [
        H("TILLGÅNGAR"),
        H("Anläggningstillgångar"),
        R("Inventarier", 44, 66, shown=S("Inventarier", 5)),
        H("Omsättningstillgångar"),
        R("Kortfristiga fordringar", 380, 352, shown=S("Kortfristiga fordringar", 7)),
        R("Kassa och bank", 2940, 2870),
        RULE,
        R("Summa omsättningstillgångar", 3320, 3222),
        R("SUMMA TILLGÅNGAR", 3364, 3288),
        DRULE,
        H(""),
        H("EGET KAPITAL OCH SKULDER"),
        H("Eget kapital"),
        R("Balanserat resultat", 2786, 2652),
        R("Årets resultat", 48, 134),
        RULE,
        R("Summa eget kapital", 2834, 2786),
        R("Kortfristiga skulder", 530, 502, shown=S("Kortfristiga skulder", 8)),
        RULE,
        R("SUMMA EGET KAPITAL OCH SKULDER", 3364, 3288),
        DRULE,
    ], T)
    tie([380, 2940], 3320); tie([352, 2870], 3222); tie([44, 3320], 3364); tie([66, 3222], 3288)
    tie([2786, 48], 2834); tie([2652, 134], 2786); tie([2834, 530], 3364); tie([2786, 502], 3288)
    d.p("""

    Kassaflödesanalys, tkr

    """)
    d.table("kassaflodesanalys", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        H("Den löpande verksamheten"),
        R("Årets resultat", 48, 134),
        R("Justering för av- och nedskrivningar", 22, 22),
        R("Ökning (-)/minskning (+) av kortfristiga fordringar", -28, 19),
        R("Ökning (+)/minskning (-) av kortfristiga skulder", 28, -38),
        RULE,
        R("Kassaflöde från den löpande verksamheten", 70, 137),
        R("Årets kassaflöde", 70, 137),
        R("Likvida medel vid årets början", 2870, 2733),
        RULE,
        R("Likvida medel vid årets slut", 2940, 2870),
        DRULE,
    ], T)
    tie([352, -380], -28); tie([530, -502], 28); tie([48, 22, -28, 28], 70); tie([134, 22, 19, -38], 137)
    tie([2870, 70], 2940); tie([2733, 137], 2870)
    d.p("""

    Noter

    Not 1 Redovisningsprinciper
    Årsredovisningen följer lagen (2018:597) om kommunal bokföring och redovisning. Inventarier skrivs av på fem år.

    Not 2 Medlemsbidrag
    """)
    d.table("noter", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Försäkringskassan", 2700, 2600),
        R("Region Örebro län", 1350, 1300),
        R("Kommunerna", 1350, 1300),
        RULE,
        R("Summa medlemsbidrag", 5400, 5200),
    ], T, note=2)
    d.heading("Kommunernas andel fördelas efter folkmängd:")
    d.table("noter", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Lindesbergs kommun", 675, 650),
        R("Nora kommun", 270, 260),
        R("Hällefors kommun", 202, 195),
        R("Ljusnarsbergs kommun", 203, 195),
        RULE,
        R("Summa kommunerna", 1350, 1300),
    ], T, note=2)
    tie([2700, 1350, 1350], 5400); tie([2600, 1300, 1300], 5200)
    tie([675, 270, 202, 203], 1350); tie([650, 260, 195, 195], 1300)
    d.heading("Not 3 Personalkostnader")
    d.table("noter", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Löner och arvoden", 1190, 1160),
        R("Sociala avgifter", 374, 365),
        R("Övriga personalkostnader", 58, 55),
        RULE,
        R("Summa personalkostnader", 1622, 1580),
    ], T, note=3)
    tie([1190, 374, 58], 1622); tie([1160, 365, 55], 1580)
    d.heading("Not 4 Köpta tjänster")
    d.table("noter", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Köp av insatser", 2890, 2680),
        R("Revision", 95, 90),
        R("Konsulttjänster", 255, 240),
        RULE,
        R("Summa köpta tjänster", 3240, 3010),
    ], T, note=4)
    tie([2890, 95, 255], 3240); tie([2680, 90, 240], 3010)
    d.heading("Not 5 Inventarier")
    d.table("noter", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Ingående anskaffningsvärde", 110, 110),
        R("Utgående anskaffningsvärde", 110, 110),
        R("Ingående avskrivningar", -44, -22),
        R("Årets avskrivningar", -22, -22),
        R("Utgående avskrivningar", -66, -44),
        RULE,
        R("Bokfört värde", 44, 66),
    ], T, note=5)
    tie([-44, -22], -66); tie([-22, -22], -44); tie([110, -66], 44); tie([110, -44], 66)
    d.heading("Not 6 Finansiella intäkter")
    d.table("noter", [["", "2025", "2024"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Ränteintäkter", 58, 61),
    ], T, note=6)
    d.heading("Not 7 Kortfristiga fordringar")
    d.table("noter", [["", "2025-12-31", "2024-12-31"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Momsfordran", 251, 240),
        R("Förutbetalda kostnader", 129, 112),
        RULE,
        R("Summa kortfristiga fordringar", 380, 352),
    ], T, note=7)
    tie([251, 129], 380); tie([240, 112], 352)
    d.heading("Not 8 Kortfristiga skulder")
    d.table("noter", [["", "2025-12-31", "2024-12-31"]], [(2025, "utfall"), (2024, "utfall")], [
        R("Leverantörsskulder", 288, 260),
        R("Semesterlöneskuld", 142, 138),
        R("Övriga upplupna kostnader", 100, 104),
        RULE,
        R("Summa kortfristiga skulder", 530, 502),
    ], T, note=8)
    tie([288, 142, 100], 530); tie([260, 138, 104], 502)
    d.p("""

    Lindesberg den 19 februari 2026

    Styrelsen för Samordningsförbundet Norra Örebro län
    """)
    return d


# =============================================================================
def check_fact(d, f, lines):
    # inline money blocks (k04) stand in prose; every other figure on a table line
    if not (d.inline_ok and f["statement"] == "budget"):
        on_table_line(d, f, lines)
    no_operator(d, f)
    assert "not " not in f["label"].lower() and "(tkr)" not in f["label"] and ", tkr" not in f["label"], f
    assert f["label"] == f["label"].strip() and "  " not in f["label"], f


def main():
    generate(HERE, (r01, r02, r03, r04, r05, r06, r07, r08),
             lambda d, text: validate(d, text, check_fact=check_fact),
             post=lambda d, text: ocr3(text) if d.stem.startswith("k06") else text)


if __name__ == "__main__":
    main()
