"""Readers of goals stated or judged in running text: sentences, bullet lists and their assessments.

- `prose`   bullet goals with "Styrelsens bedömning: …"; a plan's "ska"-sentences under goal headings;
            on a page without goal headings, sentences stating a goal ("Ett övergripande mål … är att …")
- `judged`  a goal named inside the sentence that judges it: "Målet att … har uppfyllts", "Tre av målen,
            A, B och C bedöms vara delvis uppfyllda", financial goals "… resultatmål om 2 procent har
            uppfyllts", "Kommunen når sitt finansiella mål om …"
- `announced` goals a sentence announces and the next ones list: "… har fyra finansiella mål. Ett, att …
            Två, …", "Förbundet har flera mål för sin verksamhet. Att A, att B och C."
- `levels`  a goal named only by its level, not judged: "… arbeta för att återställa 2 %-målet …"
- `bounds`  financial goals stated as a level a measure shall keep, outside goal headings: "… kommunens
            resultat minst ska uppgå till 225 miljoner kronor per treårscykel"
- `titled`  goals printed as the titles of the paragraphs explaining them, under a goal heading
            ("Finansiella mål" / "Soliditeten skall vara oförändrad" / "Soliditet är ett nyckeltal …")

Prose readers run last (`find.READERS`, then `prose_goals`), on the lines no table or line
reader used. A goal written as a sentence, with no mark of a table or a list, gets its reading
here; never a goal from prose that only mentions goals.
"""
