/**
 * Words too common to narrow a search, in the folded form (see search-text.ts). A loose query
 * word on this list is dropped; inside a "phrase" it is kept. A query of nothing but these
 * finds nothing.
 *
 * One list for every language, so it is deliberately short: a word that means something in
 * another supported language, or an abbreviation in news, stays off it ("die", "war", "son",
 * "hat", "mit", "par", "un", "us", "la"), because dropping it would lose results.
 */
const words = `
a an and are as at be been being but by did do does for from had has have he her hers him his how i if in into is it its
me my no nor not of on or our ours she so than that the their them then there these they this those to too was we were
what when where which while who whom why with you your yours
au aux avec ce ces cet cette d dans du elle elles en est et eux il ils je l le les leur leurs lui mais mes moi
ne nos nous ou qu que qui se ses sont sur ta te tes toi tu une vos votre vous y
aber als am an auch auf aus bei bis bist da dass dem der des du ein eine einem einen einer eines er es
ich ihr im ist nach nicht noch oder sich sie sind um und vom von vor wie wir zu zum zur
а без бы был была были было в вам вас во вот все всё вы да для до его ее её ей ему если есть еще ещё же за и из или им
их к как ко ли мне мы на над не нее неё нет ни них но о об от по под при с со так там то тот ты у уже чем что чтобы эти
это этот я
`;

/** The stop words, folded. */
export const stopWords: ReadonlySet<string> = new Set(words.split(/\s+/).filter(Boolean).map((w) => w.replace(/ё/g, 'е')));
