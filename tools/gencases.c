/* gencases - writes realistic case files (format casewalk/1) for the
 * benchmark and for load tests.
 *
 * usage: gencases [-n N] [-o DIR] [--stream K] [--seed S]
 *
 * Every path of case-format.md's derivation table and every event type,
 * decision outcome, status, departure kind, appeal and motion occurs;
 * offenses use the charges of the offense vocabulary compiled into casewalk
 * (config/offenses.yaml); names come in a dozen scripts.  Case i depends on
 * the seed and i only, never on N or on --stream, so the first thousand
 * cases of a big corpus are those of a small one, and the output is the
 * same on every run and every machine.  Files go to DIR/0000/, DIR/0001/,
 * ... at most 1000 to a directory: one case per file, or K cases per file
 * as a YAML stream with --stream K.  Every case passes `casewalk check`.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "case.h"
#include "date.h"
#include "diag.h"
#include "vocab.h"

#define DEFAULT_SEED 20101001u
#define FILES_PER_DIR 1000

/* ---- randomness: splitmix64, one stream per case ------------------------ */

struct rng {
	uint64_t s;
};

static uint64_t rnext(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t rnd(struct rng *r, uint32_t n)
{
	return n ? (uint32_t)((rnext(r) >> 32) * n >> 32) : 0;
}

static int between(struct rng *r, int lo, int hi)
{
	return lo + (int)rnd(r, (uint32_t)(hi - lo + 1));
}

static bool chance(struct rng *r, int percent)
{
	return (int)rnd(r, 100) < percent;
}

#define PICK(r, a) ((a)[rnd((r), sizeof(a) / sizeof((a)[0]))])

/* ---- an output buffer --------------------------------------------------- */

struct buf {
	char *p;
	size_t n, cap;
};

static void bgrow(struct buf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return;
	while (b->n + more + 1 > b->cap)
		b->cap = b->cap ? 2 * b->cap : 8192;
	b->p = xrealloc(b->p, b->cap);
}

static void bputs(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	bgrow(b, n);
	memcpy(b->p + b->n, s, n + 1);
	b->n += n;
}

static void bprintf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void bprintf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	bgrow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

/* A scalar as a person would write it: plain when YAML reads it back as
 * the same string, else quoted (single or double, as people mix them). */
static bool plain_ok(const char *s, bool flow)
{
	static const char *const nulls[] = { "~", "null", "Null", "NULL" };
	size_t n = strlen(s);
	if (!n || strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]) || s[n - 1] == ' ' ||
	    s[n - 1] == ':' || strstr(s, ": ") || strstr(s, " #") ||
	    strpbrk(s, "\t\n"))
		return false;
	for (size_t i = 0; i < sizeof(nulls) / sizeof(nulls[0]); i++)
		if (!strcmp(s, nulls[i]))
			return false;
	return !(flow && strpbrk(s, ",[]{}"));
}

static void scalar(struct buf *b, struct rng *r, const char *s, bool flow)
{
	if (plain_ok(s, flow)) {
		bputs(b, s);
		return;
	}
	bool single = !strchr(s, '\'') && !strpbrk(s, "\\\n") && chance(r, 40);
	bputs(b, single ? "'" : "\"");
	for (const char *p = s; *p; p++) {
		if (single)
			bgrow(b, 1), b->p[b->n++] = *p;
		else if (*p == '"' || *p == '\\')
			bprintf(b, "\\%c", *p);
		else if (*p == '\n')
			bputs(b, "\\n");
		else
			bgrow(b, 1), b->p[b->n++] = *p;
	}
	bputs(b, single ? "'" : "\"");
}

/* ---- people: names in many scripts -------------------------------------- */

struct people {
	const char *nat[6];             /* ISO 3166-1 alpha-2, NULL-ended */
	const char *lang[3];            /* first is the main language */
	const char *given[12];
	const char *family[12];
	const char *latin;              /* transliteration, or NULL */
	int weight;
};

static const struct people peoples[] = {
	{ { "MX", "GT", "SV", "HN", "CO", NULL }, { "es", NULL },
	  { "José Luis", "María de los Ángeles", "Juan Carlos", "Guadalupe",
	    "Jesús", "Ximena", "Óscar Iván", "Rocío", "Efraín", "Yesenia",
	    "Ángel", "Leticia" },
	  { "Núñez Barragán", "Hernández Peña", "Ibarra Ortiz", "Castañeda",
	    "Villaseñor", "Muñoz Lira", "Beltrán Ochoa", "Treviño Garza",
	    "Quiñónez", "Ramírez Soto", "Cárdenas", "Bañuelos" }, NULL, 40 },
	{ { "GT", NULL }, { "quc", "es", NULL },
	  { "Rigoberto", "Juana", "Tomás", "Ixchel", "Santos", "Rosalía",
	    "Baltazar", "Micaela", "Domingo", "Petrona", "Cruz", "Candelaria" },
	  { "Tzul Ajpop", "Tzoc Ixcoy", "Ek Canché", "Xicará López", "Chay",
	    "Cux Tzunún", "Ajcot", "Pec Cuá", "Batz", "Us Tum", "Coyoy",
	    "Quiej" }, NULL, 5 },
	{ { "BR", NULL }, { "pt", NULL },
	  { "João", "Conceição", "Bruno Henrique", "Ana Cristina", "Luís",
	    "Graça", "Sebastião", "Lúcia", "Thiago", "Fátima", "Antônio",
	    "Márcia" },
	  { "Gonçalves", "Tavares", "Ferreira Gomes", "Araújo", "Simões",
	    "Magalhães", "Conceição", "Brandão", "Assunção", "Guimarães",
	    "Peixoto", "Falcão" }, NULL, 4 },
	{ { "PL", NULL }, { "pl", "en", NULL },
	  { "Katarzyna", "Grzegorz", "Małgorzata", "Łukasz", "Agnieszka",
	    "Wojciech", "Żaneta", "Paweł", "Jadwiga", "Sławomir", "Bożena",
	    "Zbigniew" },
	  { "Wójcik", "Łukasiewicz", "Żółkiewska", "Szczęsny", "Kowalczyk",
	    "Dąbrowski", "Wiśniewska", "Grabowski", "Błaszczyk", "Pietrzak",
	    "Ślusarczyk", "Nowak" }, NULL, 2 },
	{ { "RU", "UA", "BY", NULL }, { "ru", "uk", NULL },
	  { "Ирина", "Олександр", "Сергей", "Наталья", "Дмитро", "Светлана",
	    "Андрей", "Ольга", "Юрий", "Татьяна", "Богдан", "Людмила" },
	  { "Волкова", "Коваленко", "Шевченко", "Кузнецов", "Бондаренко",
	    "Смирнова", "Ткаченко", "Попов", "Мельник", "Соколова",
	    "Кравчук", "Лебедев" }, "Cyrillic", 3 },
	{ { "CN", "TW", NULL }, { "zh", "yue", NULL },
	  { "秀英", "伟", "丽", "建华", "敏", "志强", "淑珍", "晓明", "静",
	    "国平", "美玲", "俊杰" },
	  { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
	    "林" }, "Han", 4 },
	{ { "KR", NULL }, { "ko", NULL },
	  { "민준", "서연", "준호", "지우", "현우", "수빈", "도윤", "하은",
	    "성민", "예진", "재현", "유나" },
	  { "김", "박", "이", "최", "정", "강", "조", "윤", "장", "임", "한",
	    "오" }, "Hangul", 2 },
	{ { "VN", NULL }, { "vi", NULL },
	  { "Thị Hương", "Văn Minh", "Thị Lan", "Đức Anh", "Thị Ngọc",
	    "Quốc Bảo", "Thị Thuỷ", "Hữu Phước", "Thị Mỹ", "Văn Đạt",
	    "Thị Hằng", "Công Thành" },
	  { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
	    "Võ", "Đặng", "Bùi", "Đỗ" }, NULL, 3 },
	{ { "IN", NULL }, { "pa", "hi", NULL },
	  { "ਹਰਜੀਤ", "ਗੁਰਪ੍ਰੀਤ", "ਮਨਦੀਪ", "ਜਸਪ੍ਰੀਤ", "ਕੁਲਦੀਪ", "ਅਮਨਦੀਪ",
	    "ਸੁਖਵਿੰਦਰ", "ਰਾਜਵਿੰਦਰ", "ਹਰਪ੍ਰੀਤ", "ਬਲਜੀਤ", "ਨਵਜੋਤ", "ਪਰਮਜੀਤ" },
	  { "ਸਿੰਘ ਸੰਧੂ", "ਕੌਰ", "ਸਿੰਘ ਗਿੱਲ", "ਕੌਰ ਬਰਾੜ", "ਸਿੰਘ ਢਿੱਲੋਂ",
	    "ਸਿੰਘ", "ਕੌਰ ਸਿੱਧੂ", "ਸਿੰਘ ਮਾਨ", "ਕੌਰ ਗਰੇਵਾਲ", "ਸਿੰਘ ਬਾਜਵਾ",
	    "ਕੌਰ ਚੀਮਾ", "ਸਿੰਘ ਧਾਲੀਵਾਲ" }, "Gurmukhi", 2 },
	{ { "NP", "BT", NULL }, { "ne", "dz", NULL },
	  { "बिष्णु माया", "राम बहादुर", "सीता", "कृष्ण", "लक्ष्मी", "हरि",
	    "गीता", "प्रकाश", "सरिता", "दीपक", "कमला", "सुरेश" },
	  { "गुरुङ", "तामाङ", "श्रेष्ठ", "राई", "मगर", "थापा", "लिम्बु", "शेर्पा",
	    "अधिकारी", "पौडेल", "भट्टराई", "घिमिरे" }, "Devanagari", 1 },
	{ { "ET", "ER", NULL }, { "am", "ti", NULL },
	  { "ተስፋዬ", "አበበ", "መሠረት", "ዮሐንስ", "ሰላም", "ብርሃኑ", "ትዕግሥት",
	    "ገብረ", "ፍቅርተ", "ዳዊት", "ሕይወት", "ሙሉጌታ" },
	  { "ገብረመድኅን", "ተክሌ", "ኃይሌ", "በቀለ", "ወልደ", "ደስታ", "ታደሰ",
	    "አለሙ", "ገብሬ", "መኮንን", "ካሣ", "ሙላቱ" }, "Ethiopic", 1 },
	{ { "SY", "IQ", "YE", "MA", "EG", "SD" }, { "ar", "fr", NULL },
	  { "محمد", "فاطمة الزهراء", "أحمد", "مريم", "عمر", "خديجة", "يوسف",
	    "نور", "علي", "زينب", "حسن", "سارة" },
	  { "الحسن", "العمراني", "الخطيب", "حداد", "الشامي", "المصري",
	    "الزين", "النجار", "البغدادي", "القاسم", "السيد", "العلي" },
	  "Arabic", 3 },
	{ { "HT", NULL }, { "ht", "fr", NULL },
	  { "Wideline", "Jean-Baptiste", "Marie-Ange", "Wilner", "Roseline",
	    "Jean-Claude", "Nadège", "Fritznel", "Guerline", "Lesly",
	    "Mirlande", "Pierre-Louis" },
	  { "Joseph", "Pierre", "Saint-Fleur", "Louis-Jean", "Désir",
	    "Dorvil", "Exantus", "Jean-Charles", "Michel", "Célestin",
	    "Augustin", "Théodore" }, NULL, 3 },
	{ { "IE", NULL }, { "en", "ga", NULL },
	  { "Siobhán", "Pádraig", "Aoife", "Seán", "Niamh", "Ciarán",
	    "Caoimhe", "Dónal", "Bríd", "Éamonn", "Síle", "Tadhg" },
	  { "Ní Bhriain", "Ó Súilleabháin", "Mac Giolla", "Ó Ceallaigh",
	    "Ní Dhónaill", "Ó Briain", "Nic Aodha", "Ó Murchú", "Ní Chonaill",
	    "Mac Cárthaigh", "Ó Dochartaigh", "Breathnach" }, NULL, 1 },
	{ { "TR", NULL }, { "tr", "ku", NULL },
	  { "Kemal", "Ayşe", "Mehmet", "Gülşen", "İbrahim", "Şükrü", "Öznur",
	    "Çağlar", "Hülya", "Ömer", "Ebru", "Barış" },
	  { "Yıldırım", "Şahin", "Öztürk", "Çelik", "Doğan", "Aydın",
	    "Kılıç", "Güneş", "Erdoğan", "Özdemir", "Koç", "Çakır" }, NULL, 1 },
	{ { "GR", "CY", NULL }, { "el", NULL },
	  { "Γιώργος", "Ελένη", "Δημήτρης", "Μαρία", "Νίκος", "Αικατερίνη",
	    "Κώστας", "Σοφία", "Παναγιώτης", "Δέσποινα", "Βασίλης", "Ζωή" },
	  { "Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου", "Βλάχου",
	    "Αντωνίου", "Καραγιάννη", "Μαυρίδης", "Ιωάννου", "Πετρίδου",
	    "Χατζής", "Λαμπράκη" }, "Greek", 1 },
	{ { "IL", NULL }, { "he", "en", NULL },
	  { "יוסף", "שרה", "דוד", "רחל", "משה", "מרים", "אברהם", "לאה",
	    "יעקב", "רבקה", "שמואל", "חנה" },
	  { "כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן",
	    "שפירא", "אזולאי", "דהן", "אוחיון", "גבאי" }, "Hebrew", 1 },
	{ { "TH", NULL }, { "th", NULL },
	  { "สมชาย", "สมหญิง", "ประเสริฐ", "วิไล", "สุริยา", "มาลี", "ชัยวัฒน์",
	    "อรุณี", "ธนพล", "กาญจนา", "วีระ", "นภา" },
	  { "ใจดี", "ศรีสุข", "แก้วมณี", "บุญมา", "ทองดี", "สุขสวัสดิ์",
	    "พรหมมา", "วงศ์ใหญ่", "จันทร์เพ็ญ", "ศักดิ์ดี", "มีสุข", "รุ่งเรือง" },
	  "Thai", 1 },
	{ { "BD", NULL }, { "bn", NULL },
	  { "রহিম", "ফাতেমা", "আব্দুল", "নাসরিন", "কামাল", "শাহনাজ", "জসিম",
	    "রুবিনা", "মিজানুর", "সালমা", "হাবিবুর", "শিরিন" },
	  { "উদ্দিন", "বেগম", "হোসেন", "আক্তার", "রহমান", "খাতুন", "ইসলাম",
	    "চৌধুরী", "মিয়া", "সরকার", "আলী", "খান" }, "Bengali", 1 },
	{ { "JP", NULL }, { "ja", NULL },
	  { "健", "美咲", "翔太", "陽子", "大輔", "由美", "拓也", "恵子",
	    "直樹", "さくら", "浩二", "真由美" },
	  { "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村",
	    "小林", "加藤", "吉田", "山田" }, "Japanese", 1 },
	{ { "NG", "GH", "SN", "GN", NULL }, { "en", "fr", "ff" },
	  { "Aminata", "Chukwuemeka", "Kwame", "Ngozi", "Mamadou", "Adaeze",
	    "Kofi", "Fatoumata", "Oluwaseun", "Abena", "Ibrahima", "Chiamaka" },
	  { "Diallo", "Okonkwo", "Mensah", "Adeyemi", "Ba", "Nwosu", "Asante",
	    "Sow", "Ogunleye", "Boateng", "Camara", "Eze" }, NULL, 3 },
	{ { "PH", NULL }, { "tl", "en", NULL },
	  { "Maricel", "Jose Rizal", "Ligaya", "Rommel", "Maria Luz",
	    "Dante", "Rowena", "Jun-Jun", "Marites", "Bayani", "Analyn",
	    "Efren" },
	  { "Dela Cruz Santos", "Bautista", "Macapagal", "Reyes",
	    "Villanueva", "Dimaculangan", "Panganiban", "Mercado", "Aquino",
	    "Manalo", "Ocampo", "Lacson" }, NULL, 2 },
};

/* Latin renderings for the transliterated groups, same index order. */
static const char *const translit_given[] = {
	"Irina", "Oleksandr", "Sergei", "Natalia", "Dmytro", "Svetlana",
	"Andrei", "Olga", "Yuri", "Tatiana", "Bohdan", "Liudmila" };

/* ---- an event, an offense, a relative ---------------------------------- */

#define MAXKV 8
#define MAXEV 48

struct gev {
	daynum day;
	char date[DATE_BUFSZ];          /* as written; may be imprecise */
	const char *type;
	int nkv;
	const char *key[MAXKV];
	char val[MAXKV][48];
	const char *note;
};

struct goff {
	const char *charge;
	daynum date, conv_date;
	int convicted, juvenile;        /* tri */
	int sentence, max_days, confined;
	const char *grade, *vacated, *scheme;
	int8_t cls[CLS__COUNT];
};

struct grel {
	const char *relation, *status, *hardship;
	daynum born, since;
	int married;                    /* tri */
};

struct gen {
	struct rng r;
	const struct vocab *voc;
	uint32_t index;
	const char *prefix;             /* id prefix of the scenario */
	const struct people *pg;
	char name[200];
	char a_number[24];
	daynum born;
	int born_prec;
	const char *nat;
	bool married, lpr;
	daynum lpr_since;
	const char *lpr_via;
	struct gev ev[MAXEV];
	int nev;
	struct goff off[6];
	int noff;
	struct grel rel[6];
	int nrel;
	int8_t claim[7];                /* tri, in claims_keys order */
	const char *abused_by;
	const char *tags[8];
	int ntags;
	daynum t;                       /* the timeline's cursor */
	daynum entry;
	bool arriving;                  /* paroled in at a port */
	int decisive_year;
};

static daynum ymd(int y, int m, int d)
{
	return date_days(date_ymd(y, m, d));
}

/* The last day an event may fall on: the as-of date of the tests and of
 * the bench, so that no case draws "event after the as-of date".  A
 * timeline that runs on is pressed onto it, order kept. */
static daynum last_day(void)
{
	return ymd(2026, 11, 27);
}

static struct gev *ev_add(struct gen *g, daynum day, const char *type)
{
	struct gev *e = &g->ev[g->nev < MAXEV - 1 ? g->nev++ : g->nev];
	if (day > last_day())
		day = last_day();
	memset(e, 0, sizeof(*e));
	e->day = day;
	date_format(date_from_days(day), e->date);
	e->type = type;
	return e;
}

static void ev_kv(struct gev *e, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void ev_kv(struct gev *e, const char *key, const char *fmt, ...)
{
	if (e->nkv == MAXKV)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->val[e->nkv], sizeof(e->val[0]), fmt, ap);
	va_end(ap);
	e->key[e->nkv++] = key;
}

static void ev_date(struct gev *e, const char *key, daynum d)
{
	char b[DATE_BUFSZ];
	ev_kv(e, key, "%s", date_format(date_from_days(d), b));
}

static void ev_bool(struct gev *e, const char *key, bool v)
{
	ev_kv(e, key, "%s", v ? "true" : "false");
}

/* Moves the cursor on by lo..hi days and returns it. */
static daynum later(struct gen *g, int lo, int hi)
{
	g->t += between(&g->r, lo, hi);
	return g->t;
}

static void tag(struct gen *g, const char *t)
{
	for (int i = 0; i < g->ntags; i++)
		if (!strcmp(g->tags[i], t))
			return;
	if (g->ntags < 8)
		g->tags[g->ntags++] = t;
}

static void note(struct gen *g, struct gev *e, int percent,
		 const char *const *bank, size_t n)
{
	if (chance(&g->r, percent))
		e->note = bank[rnd(&g->r, (uint32_t)n)];
}
#define NOTE(g, e, pct, bank) note((g), (e), (pct), (bank), \
				   sizeof(bank) / sizeof((bank)[0]))

/* ---- what people write in the notes ------------------------------------ */

static const char *const n_ewi[] = {
	"Crossed near Sasabe with a group of eleven.",
	"Crossed the river at night near Eagle Pass; no contact with the Border Patrol.",
	"Entró por el desierto de Altar, según su declaración.",
	"Flew to Guatemala, then overland through Mexico.",
	"Says he was 'about fifteen' when he crossed.",
	"Crossed with a smuggler paid $4,500 by an uncle.",
};
static const char *const n_admitted[] = {
	"Came with her mother to visit relatives and stayed.",
	"Admitted at JFK; I-94 shows six months.",
	"Admitted at San Ysidro on a border crossing card.",
	"Arrived on a tourist visa to attend a cousin's wedding.",
	"I-94 record printed from the CBP website.",
};
static const char *const n_police[] = {
	"Traffic stop for a broken tail light; no licence.",
	"911 call by a neighbour; both partners arrested.",
	"Detenido en un retén de tránsito camino al trabajo.",
	"Arrested at a party after a noise complaint.",
	"Booked into the county jail; ICE detainer lodged.",
};
static const char *const n_ice[] = {
	"Secure Communities hit at the county jail.",
	"Picked up in a worksite operation at a meat-packing plant.",
	"Courthouse arrest after a hearing on the criminal charge.",
	"Arrested at home at 6 a.m.; two officers, one Spanish speaker.",
	"Criminal Alien Program interview at the state prison.",
	"Came to the ICE office for a scheduled check-in.",
};
static const char *const n_cbp[] = {
	"Stopped at the Sarita checkpoint.",
	"Apprehended by the Border Patrol a mile north of the line.",
	"Secondary inspection at the port of entry.",
	"Caught on a ranch road near Falfurrias.",
};
static const char *const n_vr[] = {
	"I-826 signed at the station; no lawyer was called.",
	"Says he was told he would be detained for months if he asked for a judge.",
	"Bused to Nogales the same evening.",
	"The I-826 in the file is unsigned.",
	"Firmó el formulario sin leerlo; no se le explicó en español.",
	"Escorted to the bridge at Laredo.",
};
static const char *const n_hearing[] = {
	"Conceded removability through counsel; merits hearing to be set.",
	"Continued for the respondent to find a lawyer.",
	"Interpreter appeared by telephone.",
	"Merits hearing; the judge reserved decision.",
	"The judge reset the case for lack of an interpreter.",
	"Pleadings taken; relief applications due in 60 days.",
};
static const char *const n_decision[] = {
	"Oral decision; written memorandum to follow.",
	"Hardship to the children found not exceptional and extremely unusual.",
	"Discretion exercised favourably; strong equities.",
	"On joint motion of the parties.",
	"Particularly serious crime.",
	"Appeal waived by both parties.",
	"DHS did not oppose.",
};
static const char *const n_departure[] = {
	"Departure verified at the U.S. consulate.",
	"Flew home; boarding pass in the file.",
	"Returned on an ICE Air charter.",
	"Walked across the bridge at Laredo.",
	"Left for consular processing.",
	"No proof of departure in the file.",
};
static const char *const n_status[] = {
	"Approval notice in the file.",
	"Renewal.",
	"Card received by mail three months later.",
	"Granted as a matter of discretion.",
	"Re-registration under the extension.",
};
static const char *const n_misc[] = {
	"See the declaration in the intake folder.",
	"Record obtained through a FOIA request.",
	"Per the EOIR automated case information line.",
	"Copy of the notice in the file.",
	"Según el expediente de la corte.",
};
static const char *const grounds[] = {
	"exceptional circumstances (hospitalisation)",
	"No notice: NTA mailed to a former address",
	"ineffective assistance of counsel (Lozada)",
	"changed country conditions",
	"new evidence of hardship to the children",
	"Pereira: the NTA named no time or place",
	"error of law in the decision",
};

static const char *const case_notes[] = {
	"Intake by the Tuesday clinic. Client brought the I-213 and the "
	"charging documents.",
	"Needs a FOIA to EOIR and to CBP before any filing; the client is "
	"not sure of the entry date.",
	"Family members in the file; school and medical records requested.",
	"Referred by the consulate. Speaks little Spanish; use an "
	"interpreter for the client's own language.",
	"Client asks whether he can travel to see his sick mother. Advised "
	"not to travel until the bars are checked.",
	"Conviction records requested from the county court; the plea "
	"transcript may matter for the categorical approach.",
	"Prior counsel filed nothing for two years; consider a bar complaint.",
	"Trabaja en una empacadora desde hace años; paga impuestos con ITIN.",
	"Civil documents (birth, marriage) requested from the consulate.",
	"Asked about DACA; the dates in the file do not fit the 2007 cut-off.",
	"Training case: compare with the voluntary-return alternative.",
	"Church letter, school records and tax returns collected.",
};

static const char *const tag_bank[] = {
	"clinic-2011", "training", "fy2010", "pd-candidate", "detained",
	"pro-bono", "intake-2019", "review", "family", "urgent", "foia",
	"consult-only", "clinic-2024", "second-look",
};

/* ---- the person -------------------------------------------------------- */

/* An index into the n records of `size` bytes at v, drawn at random by the
 * int weight at byte `weight_at` of each record. */
static size_t pick_weighted(struct rng *r, const void *v, size_t n,
			    size_t size, size_t weight_at)
{
	const char *p = v;
	int total = 0, w;
	for (size_t i = 0; i < n; i++) {
		memcpy(&w, p + i * size + weight_at, sizeof(w));
		total += w;
	}
	int x = (int)rnd(r, (uint32_t)total);
	for (size_t i = 0; i < n; i++) {
		memcpy(&w, p + i * size + weight_at, sizeof(w));
		x -= w;
		if (x < 0)
			return i;
	}
	return 0;
}

static const struct people *pick_people(struct rng *r)
{
	return &peoples[pick_weighted(r, peoples,
				      sizeof(peoples) / sizeof(peoples[0]),
				      sizeof(peoples[0]),
				      offsetof(struct people, weight))];
}

static int count_of(const char *const *v, int max)
{
	int n = 0;
	while (n < max && v[n])
		n++;
	return n;
}

static void make_name(struct gen *g)
{
	const struct people *p = g->pg;
	int gi = (int)rnd(&g->r, 12), fi = (int)rnd(&g->r, 12);
	const char *given = p->given[gi], *family = p->family[fi];
	bool east = p->latin && (!strcmp(p->latin, "Han") ||
				 !strcmp(p->latin, "Hangul") ||
				 !strcmp(p->latin, "Japanese"));
	if (east)
		snprintf(g->name, sizeof(g->name), "%s%s", family, given);
	else
		snprintf(g->name, sizeof(g->name), "%s %s", given, family);
	/* files keep a Latin rendering beside the native script half the time */
	if (p->latin && !strcmp(p->latin, "Cyrillic") && chance(&g->r, 50)) {
		size_t n = strlen(g->name);
		snprintf(g->name + n, sizeof(g->name) - n, " (%s)",
			 translit_given[gi]);
	} else if (p->latin && chance(&g->r, 30)) {
		size_t n = strlen(g->name);
		snprintf(g->name + n, sizeof(g->name) - n,
			 " (name in %s script)", p->latin);
	}
	int nn = count_of(p->nat, 6);
	g->nat = p->nat[rnd(&g->r, (uint32_t)nn)];
}

static void make_a_number(struct gen *g)
{
	uint32_t d = 10000000u + rnd(&g->r, 289999999u);
	switch (rnd(&g->r, 4)) {
	case 0:
		snprintf(g->a_number, sizeof(g->a_number), "A%09u", d);
		break;
	case 1:
		snprintf(g->a_number, sizeof(g->a_number), "A%08u",
			 d % 100000000u);
		break;
	default:
		snprintf(g->a_number, sizeof(g->a_number), "A-%03u-%03u-%03u",
			 d / 1000000u, d / 1000u % 1000u, d % 1000u);
	}
}

/* ---- the building blocks of a history ---------------------------------- */

static const char *const visas[] = { "B2", "B2", "B2", "B1", "F1", "J1",
				     "H2B", "H2A", "WT", "crewman", "H-1B" };

/* The first arrival.  kind: 0 any, 1 without inspection, 2 admitted on a
 * visa, 3 admitted as an immigrant (a permanent resident from that day),
 * 4 admitted as a refugee, 5 paroled in at a port (an arriving alien). */
static void first_entry(struct gen *g, daynum day, int kind)
{
	struct gev *e = ev_add(g, day, "entry");
	g->entry = g->t = day;
	if (kind == 1 || (kind == 0 && chance(&g->r, 55))) {
		ev_kv(e, "manner", "without_inspection");
	} else if (kind == 5) {         /* an asylum seeker at a port */
		ev_kv(e, "manner", "paroled");
		g->arriving = true;
	} else if (kind == 4) {         /* resettled refugee */
		ev_kv(e, "manner", "admitted");
		ev_kv(e, "status", "refugee");
	} else if (kind == 3) {         /* arrival as a permanent resident */
		ev_kv(e, "manner", "admitted");
		ev_kv(e, "status", "immigrant");
		g->lpr = true;
		g->lpr_since = day;
		g->lpr_via = "admission";
	} else {
		const char *v = PICK(&g->r, visas);
		ev_kv(e, "manner", "admitted");
		ev_kv(e, "status", "%s", v);
		if (!strcmp(v, "F1") || !strcmp(v, "J1"))
			ev_kv(e, "authorized_until", "D/S");
		else if (strcmp(v, "crewman"))
			ev_date(e, "authorized_until", day + (!strcmp(v, "WT") ?
				89 : between(&g->r, 28, 364)));
	}
	if (!strcmp(e->val[0], "without_inspection"))
		NOTE(g, e, 20, n_ewi);
	else
		NOTE(g, e, 20, n_admitted);
	/* the day is sometimes unknown: "June 2001", or just "2001" */
	if (chance(&g->r, 5) && !strcmp(e->val[0], "without_inspection"))
		e->date[7] = '\0';
	else if (chance(&g->r, 1) && !strcmp(e->val[0], "without_inspection"))
		e->date[4] = '\0';
}

static const char *const common_charges[] = {
	"dui", "dui", "simple_assault", "domestic_violence", "theft",
	"drug_possession", "traffic", "traffic", "illegal_entry", "other" };

static const char *charge_id(struct gen *g, const char *want)
{
	const struct vocab_entry *v = want ? vocab_find(g->voc, want) : NULL;
	if (v)
		return v->id;
	return g->voc->v[rnd(&g->r, (uint32_t)g->voc->n)].id;
}

/* An offense committed on day; police arrest the same day. */
static struct goff *crime(struct gen *g, daynum day, const char *want,
			  bool convicted)
{
	if (g->noff == 6)
		return &g->off[5];
	struct goff *o = &g->off[g->noff++];
	if (day <= g->entry)
		day = g->entry + between(&g->r, 1, 90);
	memset(o, 0, sizeof(*o));
	memset(o->cls, TRI_UNSET, sizeof(o->cls));
	o->charge = charge_id(g, want ? want : chance(&g->r, 25) ? NULL
					 : PICK(&g->r, common_charges));
	o->date = day;
	o->convicted = convicted ? TRI_TRUE : chance(&g->r, 50) ? TRI_FALSE
								 : TRI_UNSET;
	o->sentence = o->max_days = o->confined = -1;
	o->juvenile = TRI_UNSET;
	if (convicted) {
		static const int terms[] = { 0, 2, 10, 30, 90, 180, 240, 364,
					     365, 730, 1095, 3650 };
		int k = (int)rnd(&g->r, 10);
		o->conv_date = day + between(&g->r, 7, 200);
		o->sentence = terms[k];
		if (chance(&g->r, 60))
			o->confined = o->sentence ? between(&g->r, 0, o->sentence)
						  : 0;
		if (chance(&g->r, 50))  /* the maximum is at least the term */
			o->max_days = terms[k + 1 + (int)rnd(&g->r, 2)];
	}
	o->grade = chance(&g->r, 70) ? (o->sentence > 365 ? "felony"
				: !strcmp(o->charge, "traffic") ? "infraction"
				: "misdemeanor") : NULL;
	const struct vocab_entry *v = vocab_find(g->voc, o->charge);
	/* an analyst's classification, copied from the vocabulary's
	 * defaults for some flags, as a reviewer confirms them */
	for (int c = 0; v && c < CLS__COUNT; c++)
		if (v->cls[c] != TRI_UNSET && chance(&g->r, 25))
			o->cls[c] = v->cls[c];
	struct gev *e = ev_add(g, day, "encounter");
	ev_kv(e, "agency", "police");
	NOTE(g, e, 15, n_police);
	return o;
}

static void family(struct gen *g)
{
	if (g->married && g->nrel < 6) {
		struct grel *s = &g->rel[g->nrel++];
		*s = (struct grel){ "spouse", PICK(&g->r, ((const char *[]){
			"citizen", "citizen", "lpr", "none", "unknown" })),
			chance(&g->r, 40) ? PICK(&g->r, ((const char *[]){
			"exceptional", "extreme", "none", "unknown" })) : NULL,
			0, 0, TRI_UNSET };
		if (!strcmp(s->status, "citizen") && chance(&g->r, 50))
			s->since = g->entry + between(&g->r, -3000, 4000);
	}
	int kids = (int)rnd(&g->r, 4);
	for (int i = 0; i < kids && g->nrel < 6; i++) {
		struct grel *c = &g->rel[g->nrel++];
		daynum b = g->entry + between(&g->r, -2000, 5000);
		*c = (struct grel){ "child", b > g->entry ? "citizen" :
			PICK(&g->r, ((const char *[]){ "none", "lpr", "unknown" })),
			chance(&g->r, 60) ? PICK(&g->r, ((const char *[]){
			"exceptional", "extreme", "none", "unknown", "unknown" }))
			: NULL, b, 0, chance(&g->r, 90) ? TRI_UNSET :
			chance(&g->r, 30) ? TRI_TRUE : TRI_FALSE };
	}
	if (chance(&g->r, 15) && g->nrel < 6)
		g->rel[g->nrel++] = (struct grel){ "parent", PICK(&g->r,
			((const char *[]){ "citizen", "lpr", "lpr" })), NULL,
			0, g->entry + between(&g->r, -4000, 2000), TRI_UNSET };
}

/* Life between arrival and the enforcement episode: petitions, statuses,
 * a brush with the police. */
static void meanwhile(struct gen *g, daynum until)
{
	if (chance(&g->r, 12)) {
		struct gev *e = ev_add(g, g->entry + (until - g->entry) / 3,
				       "petition");
		ev_kv(e, "form", "%s", PICK(&g->r, ((const char *[]){
			"I-130", "I-130", "I-140", "labor_certification" })));
		ev_kv(e, "category", "%s", chance(&g->r, 50) ?
		      "immediate_relative" : "preference");
		ev_kv(e, "outcome", "%s", PICK(&g->r, ((const char *[]){
			"pending", "approved", "denied" })));
		tag(g, "petition");
	}
	if (chance(&g->r, 6)) {
		struct gev *e = ev_add(g, g->entry + (until - g->entry) / 2,
				       "status_granted");
		ev_kv(e, "status", "%s", chance(&g->r, 50) ? "tps"
							   : "deferred_action");
		ev_date(e, "until", e->day + 364);
		NOTE(g, e, 30, n_status);
	}
	if (chance(&g->r, 30) && until - g->entry > 400)
		crime(g, until - between(&g->r, 30, 300), NULL,
		      chance(&g->r, 60));
}

static void arrest(struct gen *g, const char *agency)
{
	struct gev *e = ev_add(g, g->t, "encounter");
	ev_kv(e, "agency", "%s", agency);
	if (!strcmp(agency, "ICE"))
		NOTE(g, e, 30, n_ice);
	else if (!strcmp(agency, "CBP"))
		NOTE(g, e, 30, n_cbp);
	else
		NOTE(g, e, 30, n_police);
}

static const char *const langs_nta[] = { "es", "es", "en", "pt", "fr",
					 "ht", "quc", "mam", "zh", "ar" };

static void nta(struct gen *g, bool arriving)
{
	bool tp = chance(&g->r, 75);
	struct gev *e = ev_add(g, g->t, "nta_served");
	ev_bool(e, "time_place", tp);
	if (arriving)
		ev_bool(e, "arriving", true);
	if (chance(&g->r, 90))
		ev_date(e, "filed", g->t + between(&g->r, 1, 30));
	if (chance(&g->r, 40))
		ev_bool(e, "oral_notice", chance(&g->r, 70));
	if (chance(&g->r, 40))
		ev_kv(e, "language", "%s", PICK(&g->r, langs_nta));
	NOTE(g, e, 10, n_misc);
	if (!tp) {
		struct gev *h = ev_add(g, later(g, 20, 200), "hearing_notice");
		ev_bool(h, "time_place", true);
		if (chance(&g->r, 50))
			ev_bool(h, "oral_notice", chance(&g->r, 50));
		if (chance(&g->r, 30))
			ev_kv(h, "language", "%s", PICK(&g->r, langs_nta));
	}
}

static void hearing(struct gen *g, const char *kind, bool appeared)
{
	struct gev *e = ev_add(g, g->t, "hearing");
	ev_kv(e, "kind", "%s", kind);
	ev_bool(e, "appeared", appeared);
	if (appeared)
		ev_bool(e, "counsel", chance(&g->r, 55));
	else
		ev_kv(e, "absence_reason", "%s", PICK(&g->r, ((const char *[]){
			"none", "none", "exceptional", "no_notice", "custody",
			"unknown" })));
	NOTE(g, e, 20, n_hearing);
}

static void apply(struct gen *g, const char *relief)
{
	struct gev *e = ev_add(g, g->t, "application");
	ev_kv(e, "relief", "%s", relief);
	NOTE(g, e, 10, n_misc);
}

static struct gev *decide(struct gen *g, const char *outcome,
			  const char *relief, const char *by)
{
	struct gev *e = ev_add(g, g->t, "decision");
	ev_kv(e, "outcome", "%s", outcome);
	if (relief)
		ev_kv(e, "relief", "%s", relief);
	if (by)
		ev_kv(e, "by", "%s", by);
	NOTE(g, e, 20, n_decision);
	g->decisive_year = date_from_days(g->t).y;
	return e;
}

static void depart(struct gen *g, const char *kind, bool late)
{
	/* reported through the CBP Home app, since 2025-03-10 */
	if (!strcmp(kind, "self") && g->t >= ymd(2025, 3, 10) &&
	    chance(&g->r, 50))
		kind = "cbp_home";
	struct gev *e = ev_add(g, g->t, "departure");
	ev_kv(e, "kind", "%s", kind);
	if (chance(&g->r, 80))
		ev_bool(e, "verified", chance(&g->r, 85));
	if (late && chance(&g->r, 25))
		ev_bool(e, "nonvoluntary", true);
	NOTE(g, e, 20, n_departure);
}

static void granted(struct gen *g, const char *status, int years)
{
	struct gev *e = ev_add(g, g->t, "status_granted");
	ev_kv(e, "status", "%s", status);
	if (years)
		ev_date(e, "until", g->t + 365 * years - 1);
	NOTE(g, e, 15, n_status);
	if (!strcmp(status, "lpr")) {
		g->lpr = true;
		g->lpr_since = g->t;
		g->lpr_via = "adjustment";
	}
}

/* Appeal to the BIA, decided with outcome; "by BIA" decision for sustained
 * or dismissed.  Returns the outcome. */
static const char *appeal(struct gen *g, const char *outcome)
{
	struct gev *e = ev_add(g, later(g, 10, 30), "appeal");
	ev_kv(e, "to", "BIA");
	ev_kv(e, "stage", "filed");
	ev_kv(e, "outcome", "pending");
	e = ev_add(g, later(g, 120, 500), "appeal");
	ev_kv(e, "to", "BIA");
	ev_kv(e, "stage", "decided");
	ev_kv(e, "outcome", "%s", outcome);
	tag(g, "appeal");
	return outcome;
}

/* Proceedings up to the individual hearing: arrest, NTA, masters. */
static void to_court(struct gen *g, const char *agency)
{
	arrest(g, g->arriving ? "CBP" : agency);
	nta(g, g->arriving);
	later(g, 30, 150);
	hearing(g, "master", true);
	if (chance(&g->r, 40)) {
		later(g, 60, 240);
		hearing(g, "master", true);
	}
	later(g, 30, 120);
}

/* Arrival on day, a life here, and the cursor at enf, where enforcement
 * (or whatever the scenario does next) begins. */
static void arrive_at(struct gen *g, int kind, daynum day, daynum enf)
{
	int age = between(&g->r, 4, 45);
	g->born = day - age * 365 - between(&g->r, 0, 364);
	g->married = chance(&g->r, 40) && age > 16;
	first_entry(g, day, kind);
	family(g);
	meanwhile(g, enf);
	g->t = enf;
}

/* Enforcement begins min..max years after arrival, between 1997 and
 * 2022. */
static void arrive(struct gen *g, int kind, int min_years, int max_years)
{
	daynum enf = ymd(1997, 1, 1) + between(&g->r, 0, 26 * 365);
	arrive_at(g, kind, enf - between(&g->r, min_years * 365,
					 max_years * 365), enf);
}

/* ---- the scenarios: one per path --------------------------------------- */

static void sc_voluntary_return(struct gen *g)
{
	arrive(g, 0, 0, 20);
	arrest(g, chance(&g->r, 70) ? "ICE" : "CBP");
	struct gev *e = ev_add(g, later(g, 0, 2), "voluntary_return");
	if (chance(&g->r, 80))
		ev_bool(e, "advised", chance(&g->r, 65));
	if (chance(&g->r, 30))
		ev_date(e, "depart_by", g->t + between(&g->r, 0, 30));
	if (chance(&g->r, 60))
		ev_bool(e, "safeguards", chance(&g->r, 70));
	NOTE(g, e, 40, n_vr);
	g->decisive_year = date_from_days(g->t).y;
	later(g, 0, 20);
	depart(g, "voluntary_return", false);
	if (chance(&g->r, 20)) {
		struct gev *x = ev_add(g, later(g, 30, 900), "entry");
		ev_kv(x, "manner", "without_inspection");
		NOTE(g, x, 30, n_ewi);
	}
	tag(g, "vr-offered");
}

static void sc_withdrawal(struct gen *g)
{
	daynum day = ymd(1998, 1, 1) + between(&g->r, 0, 25 * 365);
	g->born = day - between(&g->r, 18, 60) * 365;
	struct gev *e = ev_add(g, day, "entry");
	g->entry = g->t = day;
	ev_kv(e, "manner", "attempted");
	ev_kv(e, "status", "%s", chance(&g->r, 60) ? "WT" : "B2");
	NOTE(g, e, 40, n_admitted);
	arrest(g, "CBP");
	ev_add(g, g->t, "withdrawal_at_port");
	later(g, 0, 1);
	depart(g, "self", false);
	g->decisive_year = date_from_days(day).y;
	tag(g, "arriving");
}

static void sc_vd(struct gen *g, bool pre)
{
	arrive(g, 0, 1, 15);
	arrest(g, "ICE");
	nta(g, false);
	later(g, 30, 150);
	hearing(g, pre ? "master" : "individual", true);
	if (!pre && chance(&g->r, 40)) {
		apply(g, "cancel_nonlpr");
		decide(g, "relief_denied", "cancel_nonlpr", NULL);
	}
	apply(g, "voluntary_departure");
	struct gev *d = decide(g, "voluntary_departure", NULL,
			       chance(&g->r, 50) ? "IJ" : NULL);
	int days = pre ? between(&g->r, 30, 120) : between(&g->r, 30, 60);
	ev_kv(d, "stage", "%s", pre ? "pre_hearing" : "conclusion");
	ev_date(d, "depart_by", g->t + days);
	if (!pre && chance(&g->r, 70))
		ev_date(d, "bond_posted", g->t + between(&g->r, 1, 5));
	int fate = (int)rnd(&g->r, 100);
	if (fate < 70) {
		later(g, 1, days);
		depart(g, "voluntary_departure", false);
	} else if (fate < 90) {
		later(g, days + 1, days + 900);
		depart(g, "self", true);
	}
	tag(g, "voluntary-departure");
}

static void sc_vd_pre(struct gen *g) { sc_vd(g, true); }
static void sc_vd_post(struct gen *g) { sc_vd(g, false); }

/* A fraud found in an earlier benefit request. */
static void misrepresent(struct gen *g)
{
	struct gev *e = ev_add(g, g->entry + (g->t - g->entry) / 2,
			       "misrepresentation");
	ev_kv(e, "kind", "%s", chance(&g->r, 80) ? "fraud"
						 : "false_claim_citizenship");
	ev_kv(e, "purpose", "%s", PICK(&g->r, ((const char *[]){ "visa",
		"admission", "benefit", "employment" })));
	ev_bool(e, "willful", chance(&g->r, 85));
	ev_bool(e, "material", chance(&g->r, 85));
	tag(g, "misrepresentation");
}

static void sc_removal(struct gen *g)
{
	arrive(g, 0, 1, 20);
	if (chance(&g->r, 8))
		misrepresent(g);
	if (chance(&g->r, 40))
		crime(g, g->t - between(&g->r, 10, 60), NULL, true);
	to_court(g, "ICE");
	const char *rel = PICK(&g->r, ((const char *[]){ "cancel_nonlpr",
		"asylum", "withholding", "cancel_nonlpr", "adjust_245a" }));
	apply(g, rel);
	later(g, 100, 600);
	hearing(g, "individual", true);
	decide(g, "relief_denied", rel, NULL);
	decide(g, "removal_order", NULL, chance(&g->r, 30) ? "IJ" : NULL);
	if (chance(&g->r, 35)) {
		appeal(g, "dismissed");
		decide(g, "removal_order", NULL, "BIA");
		if (chance(&g->r, 25)) {
			struct gev *e = ev_add(g, later(g, 10, 30), "appeal");
			ev_kv(e, "to", "circuit");
			ev_kv(e, "stage", "filed");
			ev_kv(e, "outcome", "pending");
			granted(g, "stay_of_removal", 0);
			tag(g, "circuit");
			return;
		}
	}
	if (chance(&g->r, 65)) {
		later(g, 10, 120);
		depart(g, "removed", false);
	}
}

static void sc_in_absentia(struct gen *g)
{
	arrive(g, 0, 0, 15);
	arrest(g, PICK(&g->r, ((const char *[]){ "ICE", "CBP", "police" })));
	nta(g, false);
	later(g, 60, 500);
	hearing(g, chance(&g->r, 70) ? "master" : "individual", false);
	decide(g, "in_absentia_order", NULL, NULL);
	if (chance(&g->r, 35)) {
		struct gev *e = ev_add(g, later(g, 20, 400), "motion");
		ev_kv(e, "kind", "%s", chance(&g->r, 80) ? "reopen"
							 : "reconsider");
		ev_kv(e, "ground", "%s", PICK(&g->r, grounds));
		ev_kv(e, "outcome", "%s", chance(&g->r, 70) ? "denied"
							    : "pending");
		tag(g, "motion-to-reopen");
	}
	if (chance(&g->r, 30)) {
		later(g, 30, 2000);
		depart(g, chance(&g->r, 60) ? "self" : "removed", false);
	}
	tag(g, "in-absentia");
}

static void sc_stipulated(struct gen *g)
{
	arrive(g, 0, 0, 10);
	if (chance(&g->r, 50))
		crime(g, g->t - between(&g->r, 5, 40), NULL, true);
	arrest(g, "ICE");
	nta(g, false);
	later(g, 7, 40);
	struct gev *d = decide(g, "stipulated_removal", NULL, NULL);
	if (!d->note && chance(&g->r, 50))
		d->note = "Signed the stipulation in detention without a lawyer.";
	later(g, 3, 30);
	depart(g, "removed", false);
	tag(g, "detained");
}

static void sc_expedited(struct gen *g)
{
	daynum day = ymd(1998, 1, 1) + between(&g->r, 0, 25 * 365);
	g->born = day - between(&g->r, 16, 55) * 365;
	bool port = chance(&g->r, 50);
	struct gev *e = ev_add(g, day, "entry");
	g->entry = g->t = day;
	ev_kv(e, "manner", port ? "attempted" : "without_inspection");
	if (port)
		ev_kv(e, "status", "%s", PICK(&g->r, visas));
	if (port)
		NOTE(g, e, 30, n_admitted);
	else
		NOTE(g, e, 30, n_ewi);
	later(g, 0, port ? 0 : 13);
	arrest(g, "CBP");
	ev_add(g, g->t, "expedited_removal");
	g->decisive_year = date_from_days(g->t).y;
	later(g, 0, 10);
	depart(g, "removed", false);
	tag(g, port ? "arriving" : "border");
}

static void sc_reinstatement(struct gen *g)
{
	if (chance(&g->r, 50)) {
		sc_expedited(g);
	} else {
		arrive(g, 1, 0, 5);
		to_court(g, "ICE");
		hearing(g, "individual", true);
		decide(g, "removal_order", NULL, "IJ");
		later(g, 10, 60);
		depart(g, "removed", false);
	}
	struct gev *e = ev_add(g, later(g, 60, 1500), "entry");
	ev_kv(e, "manner", "without_inspection");
	NOTE(g, e, 20, n_ewi);
	later(g, 100, 3000);
	arrest(g, "ICE");
	ev_add(g, later(g, 0, 10), "reinstatement");
	g->decisive_year = date_from_days(g->t).y;
	if (chance(&g->r, 20)) {
		g->claim[0] = TRI_TRUE;
		later(g, 20, 60);
		apply(g, "withholding");
		apply(g, "cat");
	} else {
		later(g, 0, 20);
		depart(g, "removed", false);
	}
	tag(g, "repeat-removal");
}

static void sc_admin_removal(struct gen *g)
{
	arrive(g, 0, 3, 20);
	struct goff *o = crime(g, g->t - between(&g->r, 500, 1500),
			       PICK(&g->r, ((const char *[]){
				"drug_trafficking", "drug_trafficking",
				"sexual_abuse_of_minor", "burglary", "theft",
				"aggravated_assault", "murder" })), true);
	o->sentence = between(&g->r, 366, 3650);
	o->grade = "felony";
	o->cls[CLS_AGGRAVATED_FELONY] = TRI_TRUE;
	arrest(g, "ICE");
	ev_add(g, later(g, 10, 90), "admin_removal");
	g->decisive_year = date_from_days(g->t).y;
	later(g, 10, 60);
	depart(g, "removed", false);
	tag(g, "aggravated-felony");
}

static bool is(const char *a, const char *b)
{
	return !strcmp(a, b);
}

/* An immigrant petition for the person, approved. */
static void petition(struct gen *g, daynum day, const char *form,
		     const char *category)
{
	struct gev *p = ev_add(g, day, "petition");
	ev_kv(p, "form", "%s", form);
	ev_kv(p, "category", "%s", category);
	ev_kv(p, "outcome", "approved");
	NOTE(g, p, 20, n_status);
}

/* Who the person is for relief r: arrival, status, claims, petitions. */
static void relief_person(struct gen *g, const char *r)
{
	if (is(r, "adjust_245i")) {     /* here by 2000-12-21, filed by 2001 */
		daynum day = ymd(1986, 1, 1) + between(&g->r, 0, 14 * 365);
		arrive_at(g, 0, day, ymd(2002, 1, 1) +
			  between(&g->r, 0, 15 * 365));
		petition(g, ymd(2001, 4, 30) - between(&g->r, 0, 1000),
			 "labor_certification", "preference");
		petition(g, g->t - between(&g->r, 100, 900), "I-140",
			 "preference");
	} else if (is(r, "cancel_lpr")) {
		bool adm = chance(&g->r, 50);
		arrive(g, adm ? 3 : 2, 9, 22);
		if (!adm) {
			daynum t = g->t;
			g->t = g->entry + between(&g->r, 300, 1200);
			petition(g, g->t - 200, "I-130", "immediate_relative");
			granted(g, "lpr", 0);
			g->t = t;
		}
		crime(g, g->t - between(&g->r, 60, 400), NULL, true);
	} else if (is(r, "sijs")) {
		arrive(g, 1, 1, 3);
		g->born = g->entry - between(&g->r, 12, 16) * 365;
		g->married = false;
		g->nrel = 0;
		g->rel[g->nrel++] = (struct grel){ "parent", "none", NULL, 0,
						   0, TRI_UNSET };
		g->claim[5] = TRI_TRUE;
		g->abused_by = "parent";
		petition(g, g->t + between(&g->r, 30, 300), "I-360",
			 "special_immigrant");
	} else if ((is(r, "asylum") || is(r, "withholding") || is(r, "cat")) &&
		   chance(&g->r, 30)) {
		daynum day = ymd(1997, 1, 1) + between(&g->r, 0, 25 * 365);
		arrive_at(g, 5, day, day);
	} else {
		arrive(g, 0, 2, 20);
	}
	if (is(r, "adjust_245a"))
		petition(g, g->t - between(&g->r, 30, 700), "I-130",
			 "immediate_relative");
	if (is(r, "cancel_vawa")) {
		g->abused_by = chance(&g->r, 80) ? "spouse" : "intended_spouse";
		g->claim[4] = TRI_TRUE;
		petition(g, g->t - between(&g->r, 30, 700), "I-360",
			 "special_immigrant");
	}
	g->claim[0] = is(r, "asylum") || is(r, "cat") || is(r, "withholding")
		      ? TRI_TRUE : g->claim[0];
	g->claim[1] = is(r, "u_visa") ? TRI_TRUE : g->claim[1];
	g->claim[2] = is(r, "t_visa") ? TRI_TRUE : g->claim[2];
}

/* Registry: here since before 1972, applies decades later. */
static void relief_registry(struct gen *g)
{
	daynum day = ymd(1955, 1, 1) + between(&g->r, 0, 16 * 365);
	g->born = day - between(&g->r, 10, 30) * 365;
	first_entry(g, day, 1);
	g->ev[0].date[4] = '\0';
	g->t = ymd(2000, 1, 1) + between(&g->r, 0, 20 * 365);
	apply(g, "registry");
	later(g, 200, 700);
	decide(g, "relief_granted", "registry", "USCIS");
	granted(g, "lpr", 0);
}

/* relief_granted, by each of the roads there */
static void sc_relief(struct gen *g)
{
	static const char *const how[] = { "cancel_nonlpr", "asylum",
		"adjust_245a", "adjust_245i", "u_visa", "t_visa", "sijs",
		"cancel_vawa", "cat", "withholding", "cancel_lpr",
		"waiver_212h", "registry", "cancel_nonlpr", "asylum" };
	const char *r = PICK(&g->r, how);
	if (is(r, "registry")) {
		relief_registry(g);
		return;
	}
	relief_person(g, r);
	bool affirmative = is(r, "adjust_245a") || is(r, "u_visa") ||
			   is(r, "t_visa") || is(r, "adjust_245i") ||
			   (is(r, "asylum") && chance(&g->r, 40));
	if (!affirmative)
		to_court(g, PICK(&g->r, ((const char *[]){ "ICE", "ICE",
							   "CBP", "police" })));
	if (is(r, "waiver_212h"))
		apply(g, "adjust_245a");
	apply(g, r);
	later(g, 120, 900);
	if (!affirmative)
		hearing(g, "individual", true);
	if (is(r, "cat") || is(r, "withholding")) {
		decide(g, "removal_order", NULL, NULL);
		decide(g, "relief_granted", r, NULL);
		granted(g, is(r, "cat") ? "cat_deferral" : "withholding", 0);
		return;
	}
	if (!affirmative && chance(&g->r, 20)) {
		decide(g, "relief_denied", r, NULL);
		appeal(g, chance(&g->r, 50) ? "sustained" : "remanded");
		decide(g, "relief_granted", r, "BIA");
	} else {
		decide(g, "relief_granted", r, affirmative ? "USCIS" : NULL);
	}
	if (is(r, "waiver_212h"))
		decide(g, "relief_granted", "adjust_245a", NULL);
	if (is(r, "u_visa") || is(r, "t_visa")) {
		granted(g, is(r, "u_visa") ? "u" : "t", 4);
		return;
	}
	if (is(r, "asylum")) {
		granted(g, "asylee", 0);
		later(g, 366, 900);
	}
	if (!is(r, "cancel_lpr"))
		granted(g, chance(&g->r, 15) ? "conditional_lpr" : "lpr", 0);
}

static void sc_terminated(struct gen *g)
{
	bool lpr = chance(&g->r, 30);
	arrive(g, lpr ? 3 : 0, 2, 25);
	if (lpr) {
		struct goff *o = crime(g, g->t - between(&g->r, 100, 900),
				       "drug_possession", true);
		o->vacated = chance(&g->r, 70) ? "defect" : "rehabilitative";
		if (chance(&g->r, 40)) {
			struct goff *j = crime(g, g->entry + 400, NULL, false);
			j->juvenile = TRI_TRUE;
			j->convicted = TRI_UNSET;
		}
		if (chance(&g->r, 40)) {        /* two thefts, one scheme */
			daynum day = g->t - between(&g->r, 200, 700);
			for (int i = 0; i < 2; i++) {
				struct goff *t = crime(g, day + 40 * i, "theft",
						       true);
				t->scheme = "returns-fraud-ring";
				t->cls[CLS_CIMT] = TRI_TRUE;
			}
		}
	}
	to_court(g, "ICE");
	if (chance(&g->r, 50))
		hearing(g, "individual", true);
	if (chance(&g->r, 15)) {        /* DHS cancels the NTA before filing */
		struct gev *d = decide(g, "terminated", NULL, "DHS");
		d->note = "NTA cancelled by DHS before it was filed.";
	} else {
		decide(g, "terminated", NULL, chance(&g->r, 30) ? "IJ" : NULL);
	}
	tag(g, "terminated");
}

static void sc_admin_closed(struct gen *g)
{
	arrive(g, 0, 3, 20);
	to_court(g, "ICE");
	if (chance(&g->r, 40))
		apply(g, "cancel_nonlpr");
	later(g, 30, 400);
	decide(g, "administratively_closed", NULL, NULL);
	if (chance(&g->r, 30)) {
		later(g, 30, 400);
		granted(g, "deferred_action", 2);
	}
	tag(g, "pd-candidate");
}

static void sc_pending(struct gen *g)
{
	arrive(g, 0, 1, 20);
	int v = (int)rnd(&g->r, 4);
	if (v == 0) {   /* an in absentia order reopened */
		arrest(g, "ICE");
		nta(g, false);
		later(g, 60, 400);
		hearing(g, "master", false);
		decide(g, "in_absentia_order", NULL, NULL);
		struct gev *e = ev_add(g, later(g, 60, 2000), "motion");
		ev_kv(e, "kind", "reopen");
		ev_kv(e, "ground", "%s", PICK(&g->r, grounds));
		ev_kv(e, "outcome", "granted");
		later(g, 60, 300);
		hearing(g, "master", true);
		return;
	}
	to_court(g, "ICE");
	const char *rel = PICK(&g->r, ((const char *[]){ "cancel_nonlpr",
		"asylum", "cancel_nonlpr", "adjust_245a" }));
	if (!strcmp(rel, "asylum")) {
		g->claim[0] = TRI_TRUE;
		apply(g, "withholding");
	}
	apply(g, rel);
	if (v == 1) {   /* denied, no order yet */
		later(g, 200, 700);
		hearing(g, "individual", true);
		decide(g, "relief_denied", rel, NULL);
	} else if (v == 2) {    /* remanded by the BIA */
		later(g, 200, 700);
		hearing(g, "individual", true);
		decide(g, "relief_denied", rel, NULL);
		decide(g, "removal_order", NULL, NULL);
		appeal(g, "remanded");
		struct gev *e = ev_add(g, later(g, 1, 90), "motion");
		ev_kv(e, "kind", "reopen");
		ev_kv(e, "ground", "%s", PICK(&g->r, grounds));
		ev_kv(e, "outcome", "granted");
	}
	tag(g, "pending");
}

static void sc_no_proceedings(struct gen *g)
{
	int v = (int)rnd(&g->r, 6);
	if (v == 0) {   /* DACA and a trip on advance parole */
		daynum day = ymd(1992, 1, 1) + between(&g->r, 0, 15 * 365);
		arrive_at(g, 0, day, ymd(2012, 9, 1) + between(&g->r, 0, 800));
		g->born = day - between(&g->r, 2, 14) * 365;
		granted(g, "daca", 2);
		later(g, 100, 600);
		depart(g, "advance_parole", false);
		struct gev *e = ev_add(g, later(g, 7, 40), "entry");
		ev_kv(e, "manner", "paroled");
		granted(g, "parole", 1);
		if (chance(&g->r, 40)) {        /* parole ended by notice */
			e = ev_add(g, later(g, 30, 200), "status_ended");
			ev_kv(e, "status", "parole");
			ev_kv(e, "reason", "terminated");
		}
		tag(g, "daca");
	} else if (v == 1) {    /* student or exchange visitor out of status */
		arrive(g, 2, 0, 1);
		g->t = g->entry + between(&g->r, 200, 2000);
		struct gev *e = ev_add(g, g->t, "status_violation_found");
		ev_kv(e, "by", "%s", chance(&g->r, 80) ? "USCIS" : "IJ");
		later(g, 30, 500);
		depart(g, "self", false);
	} else if (v == 2) {    /* a refugee who adjusted */
		arrive(g, 4, 0, 0);
		g->t = g->entry;
		granted(g, "refugee", 0);
		later(g, 366, 800);
		granted(g, "lpr", 0);
	} else if (v == 3) {    /* family unity, then a nonimmigrant status */
		arrive(g, 0, 1, 10);
		granted(g, "family_unity", 2);
		later(g, 400, 900);
		struct gev *e = ev_add(g, g->t, "status_granted");
		ev_kv(e, "status", "nonimmigrant");
		ev_kv(e, "class", "%s", PICK(&g->r, ((const char *[]){
			"H-1B", "U-2", "V", "K-3" })));
	} else if (v == 4) {    /* TPS holder */
		arrive(g, 0, 1, 10);
		granted(g, "tps", 1);
		later(g, 300, 400);
		granted(g, "tps", 2);
	} else {                /* a police stop, nothing more */
		arrive(g, 0, 0, 20);
		if (!g->noff)
			crime(g, g->t, NULL, chance(&g->r, 40));
	}
	tag(g, "no-proceedings");
}

struct scenario {
	const char *prefix;
	void (*fn)(struct gen *);
	int weight;
};

static const struct scenario scenarios[] = {
	{ "VR", sc_voluntary_return, 16 },
	{ "WAP", sc_withdrawal, 3 },
	{ "VDPRE", sc_vd_pre, 5 },
	{ "VDPOST", sc_vd_post, 6 },
	{ "IJ", sc_removal, 10 },
	{ "INABS", sc_in_absentia, 8 },
	{ "STIP", sc_stipulated, 3 },
	{ "ER", sc_expedited, 5 },
	{ "REIN", sc_reinstatement, 5 },
	{ "AR", sc_admin_removal, 3 },
	{ "REL", sc_relief, 13 },
	{ "TERM", sc_terminated, 4 },
	{ "AC", sc_admin_closed, 5 },
	{ "PEND", sc_pending, 9 },
	{ "NOPROC", sc_no_proceedings, 5 },
};

static const struct scenario *pick_scenario(struct rng *r)
{
	return &scenarios[pick_weighted(r, scenarios,
					sizeof(scenarios) / sizeof(scenarios[0]),
					sizeof(scenarios[0]),
					offsetof(struct scenario, weight))];
}

/* ---- writing a case ------------------------------------------------------ */

static void emit_kv_flow(struct buf *b, struct rng *r, const char *k,
			 const char *v)
{
	bprintf(b, ", %s: ", k);
	scalar(b, r, v, true);
}

static void emit_event(struct buf *b, struct gen *g, const struct gev *e)
{
	bool flow = (!e->note || strlen(e->note) < 70) && chance(&g->r, 70);
	if (flow) {
		bprintf(b, "  - {date: %s, type: %s", e->date, e->type);
		for (int i = 0; i < e->nkv; i++)
			emit_kv_flow(b, &g->r, e->key[i], e->val[i]);
		if (e->note)
			emit_kv_flow(b, &g->r, "note", e->note);
		bputs(b, "}\n");
		return;
	}
	bprintf(b, "  - date: %s\n    type: %s\n", e->date, e->type);
	for (int i = 0; i < e->nkv; i++) {
		bprintf(b, "    %s: ", e->key[i]);
		scalar(b, &g->r, e->val[i], false);
		bputs(b, "\n");
	}
	if (e->note) {
		bputs(b, "    note: ");
		scalar(b, &g->r, e->note, false);
		bputs(b, "\n");
	}
}

/* Events in date order (the order of the scenario within a day), or now
 * and then in reverse order of days, as some exports write them: the file
 * order does not matter (case-format.md), only the order within a day. */
static void emit_events(struct buf *b, struct gen *g)
{
	int ord[MAXEV];
	for (int i = 0; i < g->nev; i++) {
		int j = i;
		while (j > 0 && g->ev[ord[j - 1]].day > g->ev[i].day) {
			ord[j] = ord[j - 1];
			j--;
		}
		ord[j] = i;
	}
	bputs(b, "events:\n");
	if (!chance(&g->r, 4)) {
		for (int i = 0; i < g->nev; i++)
			emit_event(b, g, &g->ev[ord[i]]);
		return;
	}
	for (int end = g->nev; end > 0;) {
		int start = end - 1;
		while (start > 0 && g->ev[ord[start - 1]].day ==
				    g->ev[ord[end - 1]].day)
			start--;
		for (int i = start; i < end; i++)
			emit_event(b, g, &g->ev[ord[i]]);
		end = start;
	}
}

static void emit_date(struct buf *b, const char *key, daynum d,
		      const char *indent, bool *first)
{
	char t[DATE_BUFSZ];
	date_format(date_from_days(d), t);
	if (first) {
		bprintf(b, "%s%s: %s", *first ? "" : ", ", key, t);
		*first = false;
	} else {
		bprintf(b, "%s%s: %s\n", indent, key, t);
	}
}

/* key: value in a flow mapping (first != NULL) or a block one. */
static void emit_field(struct buf *b, const char *key, const char *val,
		       const char *indent, bool *first)
{
	if (first) {
		bprintf(b, "%s%s: %s", *first ? "" : ", ", key, val);
		*first = false;
	} else {
		bprintf(b, "%s%s: %s\n", indent, key, val);
	}
}

static void emit_int(struct buf *b, const char *key, int v,
		     const char *indent, bool *first)
{
	char t[16];
	snprintf(t, sizeof(t), "%d", v);
	emit_field(b, key, t, indent, first);
}

static const char *tri_name(int v)
{
	return v == TRI_TRUE ? "true" : "false";
}

static void emit_classes(struct buf *b, const struct goff *o, bool flow)
{
	bool any = false, first = true;
	for (int c = 0; c < CLS__COUNT; c++)
		any = any || o->cls[c] != TRI_UNSET;
	if (!any)
		return;
	bputs(b, flow ? ", classification: {" : "    classification:\n");
	for (int c = 0; c < CLS__COUNT; c++)
		if (o->cls[c] != TRI_UNSET)
			emit_field(b, offense_class_def.names[c],
				   tri_name(o->cls[c]), "      ",
				   flow ? &first : NULL);
	if (flow)
		bputs(b, "}");
}

/* A list item's first key: "  - {key: value" in flow style, else
 * "  - key: value" on a line of its own. */
static void open_item(struct buf *b, bool flow, const char *key,
		      const char *value, bool *first)
{
	bputs(b, flow ? "  - {" : "  - ");
	emit_field(b, key, value, "", first);
	if (!flow)
		bputs(b, "\n");
}

static void emit_offense(struct buf *b, struct gen *g, const struct goff *o)
{
	bool flow = chance(&g->r, 40), first = true;
	bool *f = flow ? &first : NULL;
	const char *in = "    ";
	open_item(b, flow, "charge", o->charge, &first);
	emit_date(b, "date", o->date, in, f);
	if (o->convicted != TRI_UNSET)
		emit_field(b, "convicted", tri_name(o->convicted), in, f);
	if (o->convicted == TRI_TRUE)
		emit_date(b, "conviction_date", o->conv_date, in, f);
	if (o->sentence >= 0)
		emit_int(b, "sentence_days", o->sentence, in, f);
	if (o->confined >= 0)
		emit_int(b, "confined_days", o->confined, in, f);
	if (o->max_days >= 0)
		emit_int(b, "max_days", o->max_days, in, f);
	if (o->grade)
		emit_field(b, "grade", o->grade, in, f);
	if (o->scheme)
		emit_field(b, "scheme", o->scheme, in, f);
	if (o->vacated)
		emit_field(b, "vacated", o->vacated, in, f);
	if (o->juvenile != TRI_UNSET)
		emit_field(b, "juvenile", tri_name(o->juvenile), in, f);
	emit_classes(b, o, flow);
	if (flow)
		bputs(b, "}\n");
}

static void emit_relative(struct buf *b, struct gen *g, const struct grel *r)
{
	bool flow = chance(&g->r, 70), first = true;
	bool *f = flow ? &first : NULL;
	const char *in = "    ";
	open_item(b, flow, "relation", r->relation, &first);
	if (r->status)
		emit_field(b, "status", r->status, in, f);
	if (r->born)
		emit_date(b, "born", r->born, in, f);
	if (r->married != TRI_UNSET)
		emit_field(b, "married", tri_name(r->married), in, f);
	if (r->since)
		emit_date(b, "status_since", r->since, in, f);
	if (r->hardship)
		emit_field(b, "hardship", r->hardship, in, f);
	if (flow)
		bputs(b, "}\n");
}

static void emit_person(struct buf *b, struct gen *g)
{
	char t[DATE_BUFSZ];
	bputs(b, "person:\n");
	if (chance(&g->r, 98)) {
		bputs(b, "  name: \"");
		for (const char *p = g->name; *p; p++)
			bprintf(b, *p == '"' || *p == '\\' ? "\\%c" : "%c", *p);
		bputs(b, "\"\n");
	}
	if (chance(&g->r, 85))
		bprintf(b, chance(&g->r, 70) ? "  a_number: \"%s\"\n"
					     : "  a_number: %s\n", g->a_number);
	date_format(date_from_days(g->born), t);
	if (g->born_prec == DATE_YEAR)
		bprintf(b, "  born: \"%.4s\"\n", t);
	else if (g->born_prec == DATE_MONTH)
		bprintf(b, "  born: %.7s\n", t);
	else if (g->born_prec == DATE_DAY)
		bprintf(b, "  born: %s\n", t);
	if (chance(&g->r, 95))
		bprintf(b, "  nationality: %s\n", g->nat);
	if (chance(&g->r, 75)) {
		const char *const *l = g->pg->lang;
		int n = count_of(l, 3), k = 1 + (int)rnd(&g->r, (uint32_t)n);
		bputs(b, "  languages: [");
		for (int i = 0; i < k; i++)
			bprintf(b, "%s%s", i ? ", " : "", l[i]);
		bputs(b, "]\n");
	}
	if (g->married || chance(&g->r, 15))
		bprintf(b, "  married: %s\n", g->married ? "true" : "false");
	if (g->lpr) {
		bprintf(b, "  lpr_since: %s\n",
			date_format(date_from_days(g->lpr_since), t));
		bprintf(b, "  lpr_via: %s\n", g->lpr_via);
	}
}

static void emit_claims(struct buf *b, struct gen *g)
{
	static const char *const keys[] = { "fear_of_return", "crime_victim",
		"trafficking_victim", "abused_by", "abuse_connected",
		"unaccompanied_child", "good_moral_character" };
	if (chance(&g->r, 10))
		g->claim[6] = chance(&g->r, 70) ? TRI_TRUE : TRI_FALSE;
	if (chance(&g->r, 8) && g->claim[0] == TRI_UNSET)
		g->claim[0] = TRI_FALSE;
	bool any = g->abused_by != NULL;
	for (int i = 0; i < 7; i++)
		any = any || g->claim[i] != TRI_UNSET;
	if (!any)
		return;
	bputs(b, "claims:\n");
	for (int i = 0; i < 7; i++) {
		if (i == 3 && g->abused_by)
			bprintf(b, "  abused_by: %s\n", g->abused_by);
		else if (i != 3 && g->claim[i] != TRI_UNSET)
			bprintf(b, "  %s: %s\n", keys[i], tri_name(g->claim[i]));
	}
}

/* Notes as a literal block, wrapped the way people type them. */
static void emit_notes(struct buf *b, struct gen *g)
{
	int k = 1 + (int)rnd(&g->r, 3);
	bputs(b, "notes: |\n  ");
	int col = 2;
	for (int i = 0; i < k; i++) {
		const char *s = PICK(&g->r, case_notes);
		while (*s) {
			size_t w = strcspn(s, " ");
			if (col + (int)w > 74) {
				bputs(b, "\n  ");
				col = 2;
			} else if (col > 2) {
				bputs(b, " ");
				col++;
			}
			bprintf(b, "%.*s", (int)w, s);
			col += (int)w;
			s += w;
			s += strspn(s, " ");
		}
	}
	bputs(b, "\n");
}

static void emit_case(struct buf *b, struct gen *g, const char *id)
{
	static const char *const offices[] = { "Fresno", "El Paso",
		"Newark", "Chicago", "Houston", "Miami", "Seattle", "Omaha" };
	if (chance(&g->r, 30))
		bprintf(b, "# Intake %s; fictional case %u of the benchmark "
			"corpus.\n", PICK(&g->r, offices), g->index + 1);
	bputs(b, "format: casewalk/1\n");
	bprintf(b, "id: %s\n", id);
	if (chance(&g->r, 4))
		bprintf(b, "x-intake-office: %s\n", PICK(&g->r, offices));
	emit_person(b, g);
	emit_events(b, g);
	if (g->noff) {
		bputs(b, "offenses:\n");
		for (int i = 0; i < g->noff; i++)
			emit_offense(b, g, &g->off[i]);
	}
	if (g->nrel) {
		bputs(b, "relatives:\n");
		for (int i = 0; i < g->nrel; i++)
			emit_relative(b, g, &g->rel[i]);
	}
	emit_claims(b, g);
	if (g->ntags || chance(&g->r, 30)) {
		int extra = (int)rnd(&g->r, 3);
		for (int i = 0; i < extra; i++)
			tag(g, PICK(&g->r, tag_bank));
		bputs(b, "tags: [");
		for (int i = 0; i < g->ntags; i++)
			bprintf(b, "%s%s", i ? ", " : "", g->tags[i]);
		bputs(b, "]\n");
	}
	if (chance(&g->r, 60))
		emit_notes(b, g);
}

/* ---- one case ------------------------------------------------------------ */

static void gen_init(struct gen *g, const struct vocab *voc, uint64_t seed,
		     uint32_t index)
{
	memset(g, 0, sizeof(*g));
	memset(g->claim, TRI_UNSET, sizeof(g->claim));
	g->voc = voc;
	g->index = index;
	g->r.s = seed * 0x9e3779b97f4a7c15ull ^ ((uint64_t)index + 1) *
		 0xd1b54a32d192ed03ull;
	rnext(&g->r);
}

/* Case `index` of the corpus, appended to b; its id in id[]. */
/* A child born at least 16 years after the person (scenarios may set the
 * person's birth after family() chose the children's): no "parent under
 * 12 at the birth".  Moved without a draw, so other cases stay as they
 * were; a child who would be born after the last day has no known birth. */
static void plausible_family(struct gen *g)
{
	daynum first = g->born + 16 * 366;
	for (int i = 0; i < g->nrel; i++) {
		struct grel *c = &g->rel[i];
		if (strcmp(c->relation, "child") || !c->born || c->born >= first)
			continue;
		c->born = first + (daynum)((uint32_t)(first - c->born) % 2000);
		if (c->born > last_day())
			c->born = 0;
		else if (c->born > g->entry)
			c->status = "citizen";
	}
}

static void gen_case(struct buf *b, const struct vocab *voc, uint64_t seed,
		     uint32_t index, char *id, size_t idsz)
{
	static struct gen g;            /* large: not on the stack */
	gen_init(&g, voc, seed, index);
	const struct scenario *sc = pick_scenario(&g.r);
	g.pg = pick_people(&g.r);
	make_name(&g);
	make_a_number(&g);
	sc->fn(&g);
	plausible_family(&g);
	g.born_prec = chance(&g.r, 4) ? DATE_NONE : chance(&g.r, 3) ?
		      DATE_YEAR : chance(&g.r, 1) ? DATE_MONTH : DATE_DAY;
	int year = g.decisive_year ? g.decisive_year
				   : date_from_days(g.entry).y;
	snprintf(id, idsz, "%s-%04d-%07u", sc->prefix, year, index + 1);
	emit_case(b, &g, id);
}

/* ---- files --------------------------------------------------------------- */

static int make_dir(const char *path)
{
	if (mkdir(path, 0777) == 0 || errno == EEXIST)
		return 0;
	fprintf(stderr, "gencases: %s: %s\n", path, strerror(errno));
	return -1;
}

static int make_dirs(const char *path)
{
	char tmp[4096];
	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (make_dir(tmp))
				return -1;
			*p = '/';
		}
	return make_dir(tmp);
}

static int write_file(const char *path, const struct buf *b)
{
	FILE *f = fopen(path, "w");
	if (!f || fwrite(b->p, 1, b->n, f) != b->n || fclose(f)) {
		fprintf(stderr, "gencases: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

struct opts {
	unsigned long n, stream;
	uint64_t seed;
	const char *dir;
};

/* Writes file number f (cases first..first+count-1). */
static int write_one(const struct opts *o, const struct vocab *voc,
		     struct buf *b, unsigned long f, unsigned long first,
		     unsigned long count, size_t *bytes)
{
	char path[4096], id[80];
	b->n = 0;
	if (o->stream)
		bprintf(b, "# Bulk export of %lu fictional cases (casewalk "
			"benchmark corpus, file %lu).\n", count, f + 1);
	for (unsigned long i = 0; i < count; i++) {
		if (o->stream)
			bputs(b, "---\n");
		gen_case(b, voc, o->seed, (uint32_t)(first + i), id, sizeof(id));
	}
	lower(id);
	int dn = snprintf(path, sizeof(path), "%s/%04lu", o->dir,
			  f / FILES_PER_DIR);
	if (f % FILES_PER_DIR == 0 && make_dir(path))
		return -1;
	if (o->stream)
		snprintf(path + dn, sizeof(path) - (size_t)dn,
			 "/stream-%06lu.yaml", f + 1);
	else
		snprintf(path + dn, sizeof(path) - (size_t)dn, "/%s.yaml", id);
	*bytes += b->n;
	return write_file(path, b);
}

static void usage(FILE *f)
{
	fputs("usage: gencases [-n N] [-o DIR] [--stream K] [--seed S]\n"
	      "Writes N fictional case files (default 1000) to DIR (default\n"
	      "gencases.out), in subdirectories of at most 1000 files: one\n"
	      "case per file, or K cases per file as a YAML stream.  The same\n"
	      "options always give the same files.\n", f);
}

static int parse_ul(const char *opt, const char *arg, unsigned long max,
		    unsigned long *out)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(arg, &end, 10);
	if (errno || *end || !*arg || v < 1 || v > max) {
		fprintf(stderr, "gencases: %s: expected 1..%lu, got '%s'\n",
			opt, max, arg);
		return -1;
	}
	*out = v;
	return 0;
}

static int parse_opts(int argc, char **argv, struct opts *o)
{
	static const struct option lo[] = {
		{ "stream", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long seed = DEFAULT_SEED;
	int c;
	*o = (struct opts){ 1000, 0, DEFAULT_SEED, "gencases.out" };
	while ((c = getopt_long(argc, argv, "n:o:h", lo, NULL)) != -1) {
		int bad = 0;
		switch (c) {
		case 'n': bad = parse_ul("-n", optarg, 100000000ul, &o->n); break;
		case 'o': o->dir = optarg; break;
		case 's': bad = parse_ul("--stream", optarg, 1000000ul,
					 &o->stream); break;
		case 'S': bad = parse_ul("--seed", optarg, ~0ul, &seed); break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); return -1;
		}
		if (bad)
			return -1;
	}
	o->seed = seed;
	if (optind != argc) {
		usage(stderr);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o;
	struct vocab voc;
	struct diag_list d = { 0 };
	if (parse_opts(argc, argv, &o))
		return 2;
	if (vocab_load_default(&voc, &d) || !voc.n) {
		fputs("gencases: the built-in offense vocabulary is broken\n",
		      stderr);
		return 3;
	}
	diag_free(&d);
	if (make_dirs(o.dir))
		return 1;
	unsigned long per = o.stream ? o.stream : 1;
	unsigned long files = (o.n + per - 1) / per;
	struct buf b = { 0 };
	size_t bytes = 0;
	int st = 0;
	for (unsigned long f = 0; f < files && !st; f++) {
		unsigned long first = f * per;
		unsigned long count = first + per > o.n ? o.n - first : per;
		st = write_one(&o, &voc, &b, f, first, count, &bytes);
	}
	free(b.p);
	vocab_free(&voc);
	if (!st)
		fprintf(stderr, "gencases: %lu cases in %lu files under %s "
			"(%zu bytes)\n", o.n, files, o.dir, bytes);
	return st ? 1 : 0;
}
