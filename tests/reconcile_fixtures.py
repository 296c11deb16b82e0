"""Hand-written fact tables for the reconciliation tests (figures as the corpus reports print them)."""
from __future__ import annotations

import re
from collections.abc import Sequence

from arsred.extract.document import Line
from arsred.normalize.facts import UNITS, Fact

DOC = "doc"


def parse(printed: str, unit: str) -> tuple[float, float]:
    core = re.sub(r"\s", "", printed).strip("()")
    decimals = len(core.split(",")[1]) if "," in core else 0
    factor = UNITS[unit]
    return round(float(core.replace(",", ".")) * factor, 6), 0.5 * factor / 10 ** decimals


def table(statement: str, t: int, cols: Sequence[tuple[int, str]], rows: Sequence[tuple], *,
          unit: str = "tkr", note: int | None = None, page: int = 1, first_line: int = 1) -> list[Fact]:
    """rows: (label, item, *printed) — `=` before a label marks a total, a row with no printed
    figures is a heading (it takes a row number, as the extractor counts it); None = no figure."""
    out = []
    for r, (label, item, *printed) in enumerate(rows):
        total = label.startswith("=")
        label = label.lstrip("=")
        for (period, column), p in zip(cols, printed, strict=False):
            if p is None:
                continue
            value, tol = parse(p, unit)
            out.append(Fact(doc_id=DOC, statement=statement, item=item, label=label, label_raw=label,
                            period=period, column=column, value_sek=value, printed=p, unit=unit, page=page,
                            line=first_line + r, note=note, tolerance_sek=tol, table=t, row=r, is_total=total,
                            fiscal_year=cols[0][0]))
    return out


def lines(text: str, page: int = 50) -> list[Line]:
    return [Line(page=page, number=i + 1, text=s) for i, s in enumerate(text.splitlines())]


Y2 = [(2024, "utfall"), (2023, "utfall")]


def rr001() -> list[Fact]:
    return table("resultatrakning", 1, Y2, [
        ("Verksamhetens intäkter", "rr.verksamhetens_intakter", "2832", "2832"),
        ("Verksamhetens kostnader", "rr.verksamhetens_kostnader", "-2 650", "-2983"),
        ("Avskrivningar", "rr.avskrivningar", "0,00", "0,00"),
        ("=Verksamhetens resultat", "rr.verksamhetens_resultat", "182", "-151"),
        ("Finansiella intäkter", "rr.finansiella_intakter", "56", "36"),
        ("Finansiella kostnader", "rr.finansiella_kostnader", "-1", "-2"),
        ("=Resultat efter finansiella poster", "rr.resultat_efter_finansiella_poster", "237", "-117"),
        ("Extraordinära poster", "rr.extraordinara_poster", "0,00", "0,00"),
        ("=Årets resultat", "rr.arets_resultat", "237", "-117"),
    ], page=17, first_line=800)


def br001(ovrigt_2023: str = "7011,12") -> list[Fact]:
    return table("balansrakning", 2, Y2, [
        ("Tillgångar", "br.tillgangar"),
        ("Anläggningstillgångar", "br.anlaggningstillgangar"),
        ("Maskiner och inventarier", "br.maskiner_och_inventarier", "0,00", "0,00"),
        ("=Summa anläggningstillgångar", "br.summa_anlaggningstillgangar", "0,00", "0,00"),
        ("Omsättningstillgångar", "br.omsattningstillgangar"),
        ("Fordringar", "br.fordringar", "17,73", "12,53"),
        ("Kortfristiga placeringar", "br.kortfristiga_placeringar", "0,00", "0,00"),
        ("Kassa och bank", "br.kassa_och_bank", "980,03", "1 236,30"),
        ("=Summa omsättningstillgångar", "br.summa_omsattningstillgangar", "997,76", "1 248,83"),
        ("=Summa tillgångar", "br.summa_tillgangar", "997,76", "1 248,83"),
        ("Eget kapital, avsättningar och skulder", "br.eget_kapital_avsattningar_och_skulder"),
        ("Eget kapital", "br.eget_kapital"),
        ("Årets resultat", "br.arets_resultat", "236,50", "-117,09"),
        ("Övrigt eget kapital", "br.ovrigt_eget_kapital", "584,03", ovrigt_2023),
        ("Avsättning", "br.avsattningar"),
        ("Avsättningar för pensioner", "br.avsattningar_for_pensioner", "0,00", "0,00"),
        ("Skulder", "br.skulder"),
        ("Långfristiga skulder", "br.langfristiga_skulder", "0,00", "0,00"),
        ("Kortfristiga skulder", "br.kortfristiga_skulder", "177,23", "664,81"),
        ("=Summa eget kapital, avsättningar och skulder", "br.summa_eget_kapital_avsattningar_och_skulder",
         "997,76", "1 248,83"),
        ("Ansvarsförbindelser", "br.ansvarsforbindelser", "0,00", "0,00"),
    ], page=17, first_line=824)


def kf001(lopande_2023: str = "256,46") -> list[Fact]:
    return table("kassaflodesanalys", 3, Y2, [
        ("Årets resultat", "kf.arets_resultat", "236,50", "-117,09"),
        ("Justering för ej likviditetspåverkande poster", "kf.justering_ej_likviditetspaverkande", "0,00", "0,00"),
        ("=Medel från verksamheten före förändring av rörelsekapital", "kf.medel_fore_rorelsekapital",
         "236,50", "-117,09"),
        ("Ökning/minskning kortfristiga fordringar", "kf.forandring_fordringar", "-5,21", "-2,32"),
        ("Ökning/minskning kortfristiga skulder", "kf.forandring_skulder", "-487,57", "-137,05"),
        ("=Kassaflöde från den löpande verksamheten", "kf.kassaflode_lopande_verksamheten", "-256,28",
         lopande_2023),
        ("=Årets kassaflöde", "kf.arets_kassaflode", "-256,28", "-256,46"),
        ("Likvida medel vid årets början", "kf.likvida_medel_arets_borjan", "1 236,30", "1492,77"),
        ("=Likvida medel vid årets slut", "kf.likvida_medel_arets_slut", "980,03", "1236,30"),
    ], page=18, first_line=857)


DR_COLS = [(2024, "utfall_intakt"), (2024, "utfall_kostnad"), (2024, "utfall_netto"), (2024, "budget_netto"),
           (2024, "avvikelse"), (2023, "utfall_intakt"), (2023, "utfall_kostnad"), (2023, "utfall_netto")]


def dr001() -> list[Fact]:
    return table("driftredovisning", 4, DR_COLS, [
        ("Driftbidrag", "dr.driftbidrag", "2832", "0", "2832", "2832", "0", "2832", "2832", "2832"),
        ("Samcoach", "dr.samcoach", "0", "-775", "-775", "-775", "0", "0", "-710", "-710"),
        ("SFI på modersmål Extra läs- och skrivstöd", "dr.sfi", "0", "-998", "-998", "-998", "0", "0", "-580",
         "-580"),
        ("Från BIP till reflexiv praktik", "dr.bip", "0", "0", "0", "-120", "120", "0", "0", "0"),
        ("Psykiatriveckan", "dr.psykiatriveckan", "0", "-44", "-44", "-60", "16", "0", "-41", "-41"),
        ("Samverkansfrukost", "dr.samverkansfrukost", "0", "-3", "-3", "-10", "7", "0", "-5", "-5"),
        ("Loksam", "dr.loksam", "0", "-11", "-11", "-30", "19", "0", "0", "0"),
        ("Folkhälsa", "dr.folkhalsa", "0", "-22", "-22", "-50", "28", "0", "-88", "-88"),
        ("Beredningsgruppen", "dr.beredningsgruppen", "0", "-8", "-8", "-10", "2", "0", "-4", "-4"),
        ("Länsgemensamt", "dr.lansgemensamt", "0", "-10", "-10", "-10", "0", "0", "-8", "-8"),
        ("Kompetenshöjande insatser", "dr.kompetenshojande", "0", "-6", "-6", "-20", "14", "0", "0", "0"),
        ("Nya projekt under året", "dr.nya_projekt", "0", "-23", "-23", "-12", "-11", "0", "0", "0"),
        ("Andra insatser", "dr.andra_insatser", "0", "0", "0", "0", "0", "0", "-1061", "-1061"),
        ("=Verksamhet", "dr.insatser", "0", "-1900", "-1900", "-2 095", "195", "2832", "-2 497", "-2 497"),
        ("Styrelsen", "dr.styrelse", "0", "-102", "-102", "-65", "-37", "0", "-74", "-74"),
        ("Styrelsen, varav arvode & soc.avg", "dr.varav", None, "(-75)", "(-75)", None, None, None, "(-54)",
         "(-54)"),
        ("Kansli", "dr.kansli", "0", "-648", "-648", "-667", "19", "0", "-412", "-412"),
        ("Ränteintäkter", "dr.ranteintakter", "56", "0", "56", "0", "56", "36", "0", "36"),
        ("Bankkostnader", "dr.bankkostnader", "0", "-1", "-1", "-5", "4", "0", "-2", "-2"),
        ("=Resultat", "dr.resultat", "2832", "-2 651", "237", "0", "237", "0", "-2 983", "-117"),
    ], page=18, first_line=870)


def notes001() -> list[Fact]:
    return (table("noter", 5, Y2, [
        ("Driftbidrag från staten", "not.driftbidrag_staten", "1416", "1416"),
        ("Driftbidrag från Sollefteå kommun", "not.driftbidrag_kommun", "708", "708"),
        ("Driftbidrag från Region Västernorrland", "not.driftbidrag_region", "708", "708"),
        ("=Summa", "not.summa", "2832", "2832")], note=2, page=19, first_line=933)
        + table("noter", 6, Y2, [
            ("SamCoach", "not.samcoach", "-775", "-710"),
            ("SFI på modersmål + extra läs- och skrivstöd", "not.sfi", "-998", "-580"),
            ("Övrig verksamhet/insatser", "not.ovrig", "-127", "-1207"),
            ("=Summa insatser", "not.summa_insatser", "-1900", "-2 497"),
            ("Styrelse", "not.styrelse", "-102", "-74"),
            ("Kansli", "not.kansli", "-648", "-412"),
            ("=Summa kostnader", "not.summa_kostnader", "-2 650", "-2 983")], note=3, page=19, first_line=940)
        + table("noter", 7, Y2, [("Fordran moms", "not.fordran_moms", "18", "13")], note=4, page=19,
                first_line=949)
        + table("noter", 8, Y2, [
            ("Personalskatt", "not.personalskatt", "0", "3"),
            ("Upplupna sociala avgifter", "not.upplupna", "0", "3"),
            ("Övriga interimskulder", "not.ovriga", "177", "659"),
            ("=Summa", "not.summa", "177", "665")], note=5, page=19, first_line=952))


NOTE_LINES_001 = [Line(19, 931, "Not 2. Verksamhetens intikter"), Line(19, 938, "Not 3. Verksamhetens kostnader"),
                  Line(19, 947, "Not 4. Fordringar"), Line(19, 950, "Not 5. Kortfristiga skulder")]

OV_COLS = [(y, "utfall") for y in (2024, 2023, 2022, 2021, 2020)]


def ov001() -> list[Fact]:
    return table("oversikt", 0, OV_COLS, [
        ("Intäkter/Medlemsbidrag", "ov.verksamhetens_intakter", "2832000", "2832000", "2838000", "2838000",
         "2838000"),
        ("Intäkter övriga (exklusive finansiella intäkter)", "ov.ovriga_intakter", "-7", "-4", "0", "0", "0"),
        ("Verksamhetens kostnader (exklusive finansiell kostnad)", "ov.verksamhetens_kostnader", "-2 649 734",
         "-2983 440", "-2 568 378", "-2987 565", "-2493 018"),
        ("EU-medel och andra bidrag", "ov.eu_medel_och_andra_bidrag", "0", "0", "0", "0", "0"),
        ("=Årets resultat", "ov.arets_resultat", "236 500", "-117 094", "22091", "-125937", "336 545"),
        ("Utgående eget kapital", "ov.eget_kapital", "820 526", "584 026", "701119", "679 029", "800473"),
    ], unit="kr", page=5, first_line=55)


def bk001() -> list[Fact]:
    return table("balanskrav", 9, [(2024, "utfall")], [
        ("Årets resultat enligt resultaträkningen", "bk.arets_resultat", "237"),
        ("- Samtliga realisationsvinster", "bk.samtliga_realisationsvinster", "0"),
        ("+ Realisationsvinster enligt undantagsmöjlighet", "bk.realisationsvinster_undantag", "0"),
        ("=Balanskravsresultat", "bk.balanskravsresultat", "237"),
    ], page=14, first_line=758)


def blocks001() -> list[Fact]:
    out: list[Fact] = []
    for i, (name, b, u, e) in enumerate([
            ("SamCoach", "775 000", "775 000", "0"),
            ("Beredningsgruppen Sollefteå", "10 000", "-8113", "1887"),
            ("Loksam idéverkstad", "30 000", "-15 700", "14 300"),
            ("Fokus Psykisk hälsa (Psykiatriveckan)", "60 000", "-42 614", "17 386"),
            ("Från BIP till reflexiv praktik", "120 000", "0", "120 000")]):
        rows = [(f"{name}: Beviljade medel 2024", "bu.beviljade_medel", b, None, None),
                (f"{name}: Förbrukade medel", "bu.forbrukade_medel", None, u, None),
                (f"{name}: Ej förbrukade medel", "bu.ej_forbrukade_medel", None, None, e)]
        out += table("budget", 20 + i, [(2024, "budget"), (2024, "utfall"), (2024, "avvikelse")], rows,
                     unit="kr", page=10 + i, first_line=400)
    return out


def doc001(**kw: str) -> list[Fact]:
    return (ov001() + bk001() + rr001() + br001(kw.get("ovrigt_2023", "7011,12"))
            + kf001(kw.get("lopande_2023", "256,46")) + dr001() + notes001() + blocks001())


def doc002() -> list[Fact]:
    y = [(2022, "utfall"), (2021, "utfall")]
    ov = table("oversikt", 0, [(v, "utfall") for v in (2022, 2021, 2020, 2019, 2018)], [
        ("Verksamhetens intäkter", "ov.verksamhetens_intakter", "3 759 000", "3 754 000", "3 754 000",
         "3 811 000", "3 844 000"),
        ("Verksamhetens kostnader", "ov.verksamhetens_kostnader", "3 564 000", "4 418 000", "3 296 000",
         "3 742 000", "4 140 000"),
        ("=Årets resultat", "ov.arets_resultat", "195 000", "-664 000", "458 000", "69 000", "-296 000"),
    ], unit="kr")
    rr = table("resultatrakning", 1, y, [
        ("Verksamhetens intäkter", "rr.verksamhetens_intakter", "3 754", "3 754"),
        ("Verksamhetens kostnader", "rr.verksamhetens_kostnader", "-3 564", "-4 418"),
        ("Avskrivningar", "rr.avskrivningar", "0", "0"),
        ("=Verksamhetens resultat", "rr.verksamhetens_resultat", "190", "-664"),
        ("Finansiella intäkter", "rr.finansiella_intakter", "5", "0"),
        ("Finansiella kostnader", "rr.finansiella_kostnader", "0", "0"),
        ("=Resultat efter finansiella poster", "rr.resultat_efter_finansiella_poster", "195", "-664"),
        ("Extraordinära poster", "rr.extraordinara_poster", "0", "0"),
        ("=Årets resultat", "rr.arets_resultat", "195", "-664")])
    br = table("balansrakning", 2, y, [
        ("Tillgångar", "br.tillgangar"), ("Anläggningstillgångar", "br.anlaggningstillgangar"),
        ("Maskiner och inventarier", "br.maskiner_och_inventarier", "0", "0"),
        ("=Summa anläggningstillgångar", "br.summa_anlaggningstillgangar", "0", "0"),
        ("Omsättningstillgångar", "br.omsattningstillgangar"),
        ("Fordringar", "br.fordringar", "128", "165"),
        ("Kortfristiga placeringar", "br.kortfristiga_placeringar", "0", "0"),
        ("Kassa och bank", "br.kassa_och_bank", "1 505", "2 181"),
        ("=Summa omsättningstillgångar", "br.summa_omsattningstillgangar", "1 633", "2 346"),
        ("=Summa tillgångar", "br.summa_tillgangar", "1 633", "2 346"),
        ("Eget kapital, avsättningar och skulder", "br.eget_kapital_avsattningar_och_skulder"),
        ("Eget kapital", "br.eget_kapital"),
        ("Årets resultat", "br.arets_resultat", "195", "-664"),
        ("Övrigt eget kapital", "br.ovrigt_eget_kapital", "374", "1 038"),
        ("Avsättning", "br.avsattningar"),
        ("Avsättningar för pensioner", "br.avsattningar_for_pensioner", "0", "0"),
        ("Skulder", "br.skulder"),
        ("Långfristiga skulder", "br.langfristiga_skulder", "0", "0"),
        ("Kortfristiga skulder", "br.kortfristiga_skulder", "1 064", "1 972"),
        ("=Summa eget kapital, avsättningar och skulder", "br.summa_eget_kapital_avsattningar_och_skulder",
         "1 633", "2 346")])
    kf = table("kassaflodesanalys", 3, y, [
        ("Årets resultat", "kf.arets_resultat", "195", "-664"),
        ("Justering för ej likviditetspåverkande poster", "kf.justering_ej_likviditetspaverkande", "0", "0"),
        ("=Medel från verksamheten före förändring av rörelsekapital", "kf.medel_fore_rorelsekapital",
         "195", "-664"),
        ("Ökning/minskning kortfristiga fordringar", "kf.forandring_fordringar", "37", "-81"),
        ("Ökning/minskning kortfristiga skulder", "kf.forandring_skulder", "-909", "909"),
        ("=Kassaflöde från den löpande verksamheten", "kf.kassaflode_lopande_verksamheten", "-872", "828"),
        ("=Årets kassaflöde", "kf.arets_kassaflode", "-677", "164"),
        ("Likvida medel vid årets början", "kf.likvida_medel_arets_borjan", "2 182", "2 018"),
        ("=Likvida medel vid årets slut", "kf.likvida_medel_arets_slut", "1 505", "2 182")])
    dr_cols = [(2022, "utfall_intakt"), (2022, "utfall_kostnad"), (2022, "utfall_netto"), (2022, "budget_netto"),
               (2022, "avvikelse"), (2021, "utfall_intakt"), (2021, "utfall_kostnad"), (2021, "utfall_netto")]
    dr = table("driftredovisning", 4, dr_cols, [
        ("Bidrag", "dr.driftbidrag", "3 754", "0", "3 754", "3 754", "0", "3 754", "0", "3 754"),
        ("Projekt", "dr.insatser", "0", "-2 582", "-2 582", "-2 729", "147", "0", "-3 484", "-3 484"),
        ("Inhyrd personal", "dr.kansli", "0", "-822", "-822", "-825", "3", "0", "-804", "-804"),
        ("Styrelsearvode", "dr.styrelse", "0", "-117", "-117", "-135", "18", "0", "-75", "-75"),
        ("Lokalhyra", "dr.lokalhyra", "0", "-23", "-23", "-25", "2", "0", "-23", "-23"),
        ("Övrigt", "dr.ovrigt", "5", "-20", "-15", "-40", "25", "0", "-32", "-32"),
        ("=Resultat", "dr.resultat", "3 759", "-3 564", "195", "0", "195", "3 754", "-4 418", "-664")])
    notes = (table("noter", 5, y, [
        ("Driftbidrag från staten", "not.driftbidrag_staten", "1 877", "1 877"),
        ("Driftbidrag från Timrå kommun", "not.driftbidrag_kommun", "469", "469"),
        ("Driftbidrag från Härnösands kommun", "not.driftbidrag_kommun2", "469", "469"),
        ("Driftbidrag från region", "not.driftbidrag_region", "939", "939"),
        ("EU-medel och andra bidrag", "not.eu_medel_och_andra_bidrag", "0", "0"),
        ("Övriga intäkter", "not.ovriga_intakter", "0", "0"),
        ("=Summa", "not.summa", "3 754", "3 754")], note=2, page=20, first_line=486)
        + table("noter", 6, y, [
            ("Stärkt samverkan och kompetenshöjande insatser", "not.a", "400", None),
            ("AF-handläggare", "not.b", "253", None), ("Hälsoprojektet", "not.c", "48", None),
            ("Arbetsmarknadstorget Härnösand", "not.d", "800", None), ("SKAPA", "not.e", "598", None),
            ("SIP/SKIP", "not.f", "310", None), ("Insatskatalogen", "not.g", "138", None),
            ("Psykiatridagar", "not.h", "35", None),
            ("=Summa insatser", "not.summa_insatser", "2 582", "3 484"),
            ("Styrelse", "not.styrelse", "117", "75"), ("Kansli", "not.kansli", "822", "804"),
            ("Övriga kostnader", "not.ovriga_kostnader", "43", "55"),
            ("=Summa Kostnader", "not.summa_kostnader", "3 564", "4 418")], note=3, page=20, first_line=497)
        + table("noter", 7, y, [("Momsfordran", "not.momsfordran", "128", "165")], note=4, page=20,
                first_line=514)
        + table("noter", 8, y, [("Leverantörsskulder", "not.lev", "1 064", "1 731"),
                                ("Upplupna kostnader", "not.upplupna", "0", "241")], note=5, page=20,
                first_line=519))
    return ov + rr + br + kf + dr + notes


NOTE_LINES_002 = [Line(20, 484, "Not 2. Verksamhetens intäkter"), Line(20, 495, "Not 3. Verksamhetens kostnader"),
                  Line(20, 512, "Not 4. Fordringar"), Line(20, 517, "Not 5. Kortfristiga skulder")]

PROSE_002 = """För 2022 fick förbundet driftbidrag från medlemmarna med 3 754 000 kronor. Budgeterade kostnader var 3 754 000 kronor. Styrelsen beslutade om en budget i balans. 2022 års resultat ger ett överskott på 195 356 kronor. Resultatet för 2022 ger ett eget kapital på 569 043 kronor, motsvarande 15 % av tilldelade medel för 2022.

Efter 2022 års resultat har förbundet ett eget kapital på 569 356 kr, vilket gör att förbundets egna kapital ligger under Nationella rådets rekommendation. Under åren 2020-2022 har förbundet fått samma tilldelning av driftsbidrag från förbundsmedlemmarna, men tilldelningen till 2023 års verksamhet är en sänkning med totalt 8000 kronor.
Tillsammans med det egna kapitalet förfogade förbundet över 4 128 000 kr för 2022. Resultatet för 2022 blev ett överskott på 195 356 .
"""


def doc004(parternas_marked_total: bool = True) -> list[Fact]:
    return table("budget", 0, [(2022, "budget")], [
        ("INTÄKTER", "bu.intakter"),
        ("Försäkringskassan/Arbetsförmedlingen", "bu.fk_af", "736 000"),
        ("Ånge kommun", "bu.ange_kommun", "368 000"),
        ("Region Västernorrland", "bu.region", "368 000"),
        ("=Parternas insats" if parternas_marked_total else "Parternas insats", "bu.parternas_insats", "1 472 000"),
        ("Eget kapital", "bu.eget_kapital", "250 000"),
        ("=Summa intäkter", "bu.summa_intakter", "1 722 000"),
        ("KOSTNADER", "bu.kostnader"),
        ("Kansli-/administrativa kostnader", "bu.kansli"),
        ("Arvoden styrelsen", "bu.arvoden", "-24 000"),
        ("Förbundschef 0,45 årsarbete", "bu.forbundschef", "-355 000"),
        ("Sammanträdeskostnader", "bu.sammantrade", "-3 000"),
        ("Utbildning/konferens", "bu.utbildning", "-15 000"),
        ("Resekostnader (resor och logi)", "bu.resor", "-15 000"),
        ("Medlemsavgift NNS", "bu.nns", "-3 500"),
        ("Revision", "bu.revision", "-24 000"),
        ("Diverse kostnader", "bu.diverse", "-5 000"),
        ("=Summa Kansli-/administrativa kostnader", "bu.summa_kansli", "-444 500"),
        ("Insatser", "bu.insatser"),
        ("Ångemodellen", "bu.angemodellen", "-430 000"),
        ("Ej beslutade aktiviteter och insatser", "bu.ej_beslutade", "-697 500"),
        ("=Summa insatser", "bu.summa_insatser", "-1 127 500"),
        ("=Summa totala kostnader", "bu.summa_kostnader", "-1 572 000"),
    ], unit="kr")
