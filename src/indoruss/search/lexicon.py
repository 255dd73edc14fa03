"""Russian and Hindi query words in the English of the fact base: a small bilingual glossary of the subject, as
cross-language retrieval uses a dictionary.

Names and topic words reach their records through aliases; this carries the other words of a query ("что
подписали", "визит", "आयात", "समझौता") to the English words the records are written in, and drops the filler and
question words of both languages. A foreign word is written whole (it matches as `text.fold` folds it, which
drops a Russian word's last vowel, so "Индия" meets "Индию") or as a stem ending in "|": it then matches any
query word that begins with it and has at most ENDING letters more, the endings of Russian cases and verbs and
of Hindi plurals and oblique forms ("подпис|" gives подписали, подписан, подписание; "समझौत|" gives समझौता,
समझौते, समझौतों). English words are read as the index reads its text ("US" in capitals is not "us").

Nothing here is read until a query holds a word outside ASCII: an English query never builds the lookups.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import NamedTuple

from ..text import fold, terms

ENDING = 4  # letters a query word may have after a stem: Russian -ами, -ого, -ание; Hindi -ियों
SHORT_STEM = 4  # ... a stem shorter than this takes at most SHORT_ENDING more (газ: газа, газом; not газета)
SHORT_ENDING = 2
# ... and a short Russian stem only the endings of its cases and of adjectives, as text.fold leaves them (it drops
# a last vowel): нов| gives новая, нового, новых, not the name Новак ("Novak").
RUSSIAN_SHORT_ENDINGS = frozenset("а я у ю е ё и ы о ог ег ом ем ём ым им ых их ам ям ах ях ов ев".split())  # noqa: SIM905

# English index words = the Russian and Hindi words that mean them. The first English word is what the word
# means first; every English word listed is held as a translation.
GLOSSARY = """
sign signed signing = подпис| подпиш| हस्ताक्षर| दस्तखत|
agreement deal pact accord = соглашени| договорённост| пакт| समझौत| करार|
deal = сделк| сделок सौद|
contract = контракт| अनुबंध| ठेक|
order = заказ| ऑर्डर|
treaty agreement = договор| संधि|
memorandum mou = меморандум| ज्ञापन|
document = документ| दस्तावेज़|
visit trip = визит| поездк| поездок посещени| यात्र| दौर|
summit = саммит| शिखर|
talks negotiation meeting = переговор| वार्त| बातचीत|
meeting met meet = встреч| встрети| встретил| मुलाकात| बैठक|
leader = лидер| руководител| नेत|
president = президент| राष्ट्रपति|
prime minister = премьер| प्रधानमंत्री| प्रधान
minister = министр| मंत्री|
ministry = министерств| मंत्रालय|
government = правительств| सरकार|
statement declaration = заявлени| декларац| बयान| घोषण|
joint = совместн| संयुक्त
import = импорт| ввоз| आयात|
export = экспорт| вывоз| निर्यात|
buy purchase = покупк| покупок купи| куплю закупк| закупок покупа| приобрет| खरीद|
sell sale = прода| продаж| बिक्र| बेच|
supply supplies delivery = поставк| поставок постав| आपूर्ति|
oil crude = нефт| तेल
crude = сыр| कच्चा कच्चे
gas = газ газа газу газом газе гази| गैस
fuel = топлив| ईंधन|
coal = угол угля угл| कोयल|
energy = энерги| энергетик| ऊर्जा
trade commerce = торгов| товарооборот| व्यापार| कारोबार|
economy economic = экономик| экономическ| अर्थव्यवस्थ| आर्थिक
investment = инвестици| вложени| निवेश|
business = бизнес| व्यवसाय| व्यापारी|
market = рынок рынк| बाज़ार|
price = цена цены цену ценой цен कीमत| दाम
discount = скидк| скидок дисконт| छूट
bank = банк| बैंक|
payment settlement = платёж| оплат| расчёт| भुगतान|
currency = валют| मुद्र|
dollar usd = доллар| डॉलर|
rupee = рупи| रुपय| रुपये रुपए
rouble = рубл| रूबल|
billion = миллиард| млрд अरब
million = миллион| млн मिलियन
thousand = тысяч| тыс हज़ार
percent = процент| प्रतिशत फ़ीसदी
target goal = цел| ориентир| लक्ष्य|
growth increase = рост роста росту ростом увеличени| वृद्धि बढ़ोतरी
defence military = оборон| военн| रक्षा सैन्य
weapon arms = оружи| вооружени| हथियार| शस्त्र|
missile = ракет| मिसाइल|
air defence = пво
system = систем| प्रणाली|
aircraft plane = самолёт| विमान|
fighter jet = истребител| लड़ाकू
helicopter = вертолёт| हेलीकॉप्टर|
submarine = подводн| पनडुब्बी|
ship vessel = корабл| судн| जहाज़|
tank = танк| टैंक|
production manufacturing = производств| производ| उत्पादन| निर्माण|
joint venture = предприяти| उद्यम|
technology = технологи| तकनीक| प्रौद्योगिकी
spare parts = запчаст| पुर्ज|
logistics = логистик| रसद
nuclear atomic = атомн| ядерн| परमाणु| न्यूक्लियर
reactor = реактор| रिएक्टर|
power plant = аэс электростанци| संयंत्र|
plant station = станци| स्टेशन
mw megawatt = мвт мегаватт| मेगावाट
gw gigawatt = гвт гигаватт| गीगावाट
uranium = уран| यूरेनियम
floating = плавуч| तैरत|
icebreaker = ледокол| आइसब्रेकर
construction build = строительств| строи| निर्माणाधीन
offer proposal = предложени| предлага| предлож| प्रस्ताव| पेशकश|
share stake = доля доли долю долей हिस्सेदारी| हिस्स|
value worth = стоимост| मूल्य|
volume = объём| मात्रा
interest = интерес| रुचि दिलचस्पी
corridor = коридор| गलियार|
railway = железн| रेल|
spokesman = секретар| प्रवक्ता
embassy = посольств| दूतावास|
foreign = иностранн| зарубежн| विदेश|
national = национальн| राष्ट्रीय
third = трет| तीसर|
northern north = север| उत्तरी उत्तर
sea = море моря морю морем морск| समुद्र|
route = путь пути путем маршрут| मार्ग
electronic e = электронн| इलेक्ट्रॉनिक ई
unit = блок| энергоблок| इकाई
small = мал| малый малые छोटे छोटा
worker labour = рабоч| работник| трудящ| श्रमिक| मज़दूर| कामगार| कर्मचारी|
labour = труд| श्रम|
migration = миграци| мигрант| प्रवास| प्रवासी|
mobility = мобильност| गतिशीलता
work employment job = занятост| работ| काम रोज़गार| नौकरी|
skilled = квалифицированн| कुशल
army = арми| सेना|
soldier = солдат| военнослужащ| सैनिक| जवान|
recruited = завербован| вербов| भर्ती|
killed died dead = убит| погиб| मारे मारा मृत|
missing = пропал| пропавш| लापता
war = войн| युद्ध| जंग
peace = мир мира миру миром мирн| शांति|
conflict = конфликт| संघर्ष|
sanction = санкци| प्रतिबंध|
tariff duty = пошлин| тариф| टैरिफ| शुल्क|
pressure = давлени| दबाव|
US American = сша अमेरिका| अमरीका|
russia = росси| российск| रूस रूसी
india = инди| индийск| भारत भारतीय
ukraine = украин| यूक्रेन|
china = кита| चीन चीनी
europe = европ| यूरोप|
west western = запад| पश्चिम| पश्चिमी
moscow = москв| मास्को मॉस्को
delhi = дели दिल्ली
tourist tourism = турист| туризм| पर्यटक| पर्यटन|
visa = виз| वीज़ा| विज़ा|
free = бесплатн| безвиз| मुफ़्त निःशुल्क
health = здравоохранени| здоров| स्वास्थ्य
agriculture = сельск| कृषि
fertiliser urea = удобрени| уреа карбамид| उर्वरक| यूरिया
food = продовольстви| пищев| खाद्य|
pharmaceutical medicine = фармацевт| лекарств| दवा| दवाई|
education = образовани| शिक्षा
space = космос| космическ| अंतरिक्ष
shipping port = порт| बंदरगाह|
arctic polar = арктик| арктическ| полярн| आर्कटिक ध्रुवीय
media news = сми новост| मीडिया| समाचार| खबर|
cooperation partnership = сотрудничеств| партнёрств| सहयोग| साझेदारी
relations = отношени| संबंध| रिश्त|
strategic = стратегическ| रणनीतिक
friendship = дружб| मित्रता दोस्ती
ratification ratified = ратификаци| ратифицир| अनुमोदन|
law = закон| कानून|
parliament = парламент| संसद|
outcome result = итог| результат| परिणाम| नतीजे नतीजा
event = событи| घटना|
quote = цитат| उद्धरण|
schedule timeline = график| расписани| कार्यक्रम
figure = цифр| आँकड़|
promise pledge = обещ| वादा वादे
statement said = заяв| कहा
said say = сказал| сказа| बोले बोला
decision decided = решени| реши| फ़ैसल| निर्णय|
plan = план| योजना|
year = год| года лет साल वर्ष
month = месяц| महीन|
day = день дня дней दिन
december = декабр| दिसंबर दिसम्बर
november = ноябр| नवंबर नवम्बर
january = январ| जनवरी
february = феврал| फरवरी
march = март| मार्च
april = апрел| अप्रैल
may = мая मई
june = июн| जून
july = июл| जुलाई
august = август| अगस्त
september = сентябр| सितंबर सितम्बर
october = октябр| अक्टूबर
new = нов| नया नई नए
first = перв| पहला पहली पहले
two = два две दो
"""

# Words of a question and particles, in both languages: no more meaning than "what", "how many" or "of".
FILLER = """
что чего чем как какой какая какое какие каких каким сколько когда где куда откуда кто кого кому почему зачем
ли же бы и а но или в во на с со по о об обо для из от до за к ко у при под над про через это этот эта эти
того был была было были будет есть также уже ещё вот так там тут его её их они он она мы вы я
क्या कितने कितना कितनी कितनों कब कौन कहाँ कैसे क्यों किस किसे किसने और या में का की के से को ने पर
किए किये है हैं था थे थी एक यह वह ये वे भी तो ही लिए बारे साथ द्वारा गया गई गए किया हुआ हुई हुए तक कर रहा रही रहे
"""


class Lookups(NamedTuple):
    whole: dict[str, tuple[str, ...]]  # a folded word -> the English terms it stands for
    stems: dict[str, tuple[str, ...]]  # a stem -> the English terms of every word it begins
    filler: frozenset[str]  # folded filler words


# Spellings that vary for one word, on its decomposed letters: ё written as е (its diaeresis dropped); a Hindi
# nukta (ज़, ड़) left out; the nasal dot for the moon-dot (कहां, कहाँ).
_VARIANTS = str.maketrans({"\u0308": None, "\u093c": None, "\u0901": "\u0902"})


def _normal(word: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.casefold()).translate(_VARIANTS))


@cache
def lookups() -> Lookups:
    """The glossary read into lookups: once per process, and only for a query with a foreign word."""
    whole: dict[str, tuple[str, ...]] = {}
    stems: dict[str, tuple[str, ...]] = {}
    for line in GLOSSARY.strip().splitlines():
        english, _, foreign = line.partition("=")
        targets = tuple(dict.fromkeys(term for word in english.split() for term in terms(word)))
        for written in foreign.split():
            stem = _normal(written.rstrip("|"))
            # A stem is also a word: "визит|" is the word визит, as the index folds it.
            for table, key in ((whole, fold(stem)), *(((stems, stem),) if written.endswith("|") else ())):
                table[key] = tuple(dict.fromkeys((*table.get(key, ()), *targets)))
    filler = frozenset(fold(_normal(word)) for word in FILLER.split())
    return Lookups(whole, stems, filler)


def translate(term: str) -> tuple[str, ...]:
    """The English terms a folded query word in Russian or Hindi stands for, its first meaning first; () for
    an English word or one the glossary does not know."""
    if term.isascii():
        return ()
    found = lookups()
    term = _normal(term)
    if term in found.whole:
        return found.whole[term]
    for size in range(len(term), 0, -1):
        left = len(term) - size
        if left > ENDING or (size < SHORT_STEM and left > SHORT_ENDING):
            break
        if term[:size] in found.stems and (
            size >= SHORT_STEM or not left or not _cyrillic(term) or term[size:] in RUSSIAN_SHORT_ENDINGS
        ):
            return found.stems[term[:size]]
    return ()


# Russian case endings that text.fold leaves on a word, as it leaves them (it drops a last vowel, й or soft sign:
# "-ой" ends "-о", "-ью" ends "-ь"), longest first: the instrumental and plural cases of names (Путиным, Роснефтью,
# Москвой, Кремлём, Газпромом), which the index holds in another case.
CASE_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ам", "ям", "ог", "ег", "ом", "ем", "ём",
                "ым", "им", "ах", "ях", "ов", "ев", "о", "е", "ь")  # fmt: skip
CASE_BASE = 3  # letters a word keeps without its ending, at least


def _cyrillic(term: str) -> bool:
    return "\u0400" <= term[0] <= "\u04ff"


def case_bases(term: str) -> tuple[str, ...]:
    """A folded Russian word without each case ending it may have, longest ending first: the forms the index may
    hold it in ("путиным": "путин"); () for a word in another script."""
    if not term or not _cyrillic(term):
        return ()
    return tuple(
        term[: -len(ending)]
        for ending in CASE_ENDINGS
        if term.endswith(ending) and len(term) - len(ending) >= CASE_BASE
    )


def filler(term: str) -> bool:
    """A folded query word in Russian or Hindi that is only a question word or a particle."""
    return not term.isascii() and _normal(term) in lookups().filler
