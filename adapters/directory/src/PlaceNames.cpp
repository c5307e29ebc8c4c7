#include "PlaceNames.h"

#include <cstdint>

namespace qujat::directory {
namespace {

constexpr SettlementKind kCd = SettlementKind::kCityDistrict;
constexpr SettlementKind kCi = SettlementKind::kCity;
constexpr SettlementKind kRu = SettlementKind::kRural;

// Fixed texts in the three languages (the Russian one of an eponym is in the genitive:
// "школа имени Абая").
struct Words {
    const char* kk;
    const char* ru;
    const char* en;
};

// Parts of Kazakh place names: "Ақ" + "бұлақ" = "Ақбұлақ" / "Акбулак" / "Akbulak".
const Words kPlacePrefixes[] = {
    {"Ақ", "Ак", "Ak"},           {"Қызыл", "Кызыл", "Kyzyl"}, {"Жаңа", "Жана", "Zhana"},   {"Көк", "Кок", "Kok"},
    {"Сары", "Сары", "Sary"},     {"Қара", "Кара", "Kara"},    {"Бес", "Бес", "Bes"},       {"Ұзын", "Узын", "Uzyn"},
    {"Алтын", "Алтын", "Altyn"},  {"Күміс", "Кумис", "Kumis"}, {"Тас", "Тас", "Tas"},       {"Қос", "Кос", "Kos"},
    {"Үш", "Уш", "Ush"},          {"Шұбар", "Шубар", "Shubar"}, {"Ащы", "Ащы", "Ashchy"},   {"Жел", "Жел", "Zhel"},
};
const Words kPlaceSuffixes[] = {
    {"бұлақ", "булак", "bulak"}, {"су", "су", "su"},         {"тау", "тау", "tau"},       {"көл", "коль", "kol"},
    {"өзек", "озек", "ozek"},    {"терек", "терек", "terek"}, {"жар", "жар", "zhar"},      {"тал", "тал", "tal"},
    {"қайың", "кайын", "kaiyn"}, {"төбе", "тобе", "tobe"},   {"құдық", "кудук", "kuduk"}, {"қоға", "кога", "koga"},
    {"шоқы", "шокы", "shoky"},   {"жол", "жол", "zhol"},     {"ағаш", "агаш", "agash"},   {"бел", "бель", "bel"},
    {"кент", "кент", "kent"},    {"арық", "арык", "aryk"},   {"сай", "сай", "sai"},       {"қамыс", "камыс", "kamys"},
    {"адыр", "адыр", "adyr"},    {"құм", "кум", "kum"},
};

// Words companies, colleges and residential PPOs are named after.
const Words kBrandWords[] = {
    {"Береке", "Береке", "Bereke"},     {"Шұғыла", "Шугыла", "Shugyla"},     {"Жұлдыз", "Жулдыз", "Zhuldyz"},
    {"Болашақ", "Болашак", "Bolashak"}, {"Ақжол", "Акжол", "Akzhol"},        {"Алтын Дән", "Алтын Дан", "Altyn Dan"},
    {"Сұңқар", "Сункар", "Sunkar"},     {"Қыран", "Кыран", "Kyran"},         {"Нұр", "Нур", "Nur"},
    {"Дала", "Дала", "Dala"},           {"Самал", "Самал", "Samal"},         {"Арман", "Арман", "Arman"},
    {"Тұлпар", "Тулпар", "Tulpar"},     {"Алаш", "Алаш", "Alash"},           {"Бәйтерек", "Байтерек", "Baiterek"},
    {"Көктем", "Коктем", "Koktem"},     {"Асыл", "Асыл", "Asyl"},            {"Ырыс", "Ырыс", "Yrys"},
    {"Мейірім", "Мейирим", "Meyirim"},  {"Ақниет", "Акниет", "Akniet"},      {"Жігер", "Жигер", "Zhiger"},
    {"Өркен", "Оркен", "Orken"},        {"Достық", "Достык", "Dostyk"},      {"Бірлік", "Бирлик", "Birlik"},
    {"Ынтымақ", "Ынтымак", "Yntymak"},  {"Атамекен", "Атамекен", "Atameken"}, {"Сапа", "Сапа", "Sapa"},
};
const Words kBrandSuffixes[] = {
    {"Агро", "Агро", "Agro"},     {"Строй", "Строй", "Stroy"},  {"Транс", "Транс", "Trans"},
    {"Сервис", "Сервис", "Service"}, {"Энерго", "Энерго", "Energo"}, {"Инвест", "Инвест", "Invest"},
    {"Логистик", "Логистик", "Logistic"}, {"Фарм", "Фарм", "Pharm"}, {"Мұнай", "Мунай", "Munai"},
    {"Пром", "Пром", "Prom"},
};
const Words kKindergartens[] = {
    {"Балапан", "Балапан", "Balapan"},       {"Ертегі", "Ертеги", "Ertegi"},
    {"Айгөлек", "Айголек", "Aigolek"},       {"Бөбек", "Бобек", "Bobek"},
    {"Балдырған", "Балдырган", "Baldyrgan"}, {"Қарлығаш", "Карлыгаш", "Karlygash"},
    {"Ақбота", "Акбота", "Akbota"},          {"Күншуақ", "Куншуак", "Kunshuak"},
    {"Айналайын", "Айналайын", "Ainalaiyn"},
};
const Words kEponyms[] = {
    {"Абай", "Абая", "Abai"},
    {"Шоқан Уәлиханов", "Шокана Уалиханова", "Shokan Ualikhanov"},
    {"Ыбырай Алтынсарин", "Ыбырая Алтынсарина", "Ybyrai Altynsarin"},
    {"Мұхтар Әуезов", "Мухтара Ауэзова", "Mukhtar Auezov"},
    {"Жамбыл Жабаев", "Жамбыла Жабаева", "Zhambyl Zhabayev"},
    {"Сәкен Сейфуллин", "Сакена Сейфуллина", "Saken Seifullin"},
    {"Мағжан Жұмабаев", "Магжана Жумабаева", "Magzhan Zhumabayev"},
    {"Ахмет Байтұрсынұлы", "Ахмета Байтурсынулы", "Akhmet Baitursynuly"},
    {"Әлия Молдағұлова", "Алии Молдагуловой", "Aliya Moldagulova"},
    {"Мәншүк Мәметова", "Маншук Маметовой", "Manshuk Mametova"},
    {"Абылай хан", "Абылай хана", "Abylai Khan"},
    {"Қаныш Сәтбаев", "Каныша Сатпаева", "Kanysh Satbayev"},
    {"Бауыржан Момышұлы", "Бауыржана Момышулы", "Baurzhan Momyshuly"},
    {"Әл-Фараби", "аль-Фараби", "Al-Farabi"},
    {"Ғабит Мүсірепов", "Габита Мусрепова", "Gabit Musrepov"},
    {"Құрманғазы", "Курмангазы", "Kurmangazy"},
    {"Ахмет Жұбанов", "Ахмета Жубанова", "Akhmet Zhubanov"},
    {"Александр Пушкин", "А. С. Пушкина", "Alexander Pushkin"},
};

Trilingual placeName(Prng& rng) {
    const Words& a = rng.pick(kPlacePrefixes);
    const Words& b = rng.pick(kPlaceSuffixes);
    return {std::string(a.kk) + b.kk, std::string(a.ru) + b.ru, std::string(a.en) + b.en};
}

Trilingual brandName(Prng& rng) {
    const Words& a = rng.pick(kBrandWords);
    const Words& b = rng.pick(kBrandSuffixes);
    return {std::string(a.kk) + "-" + b.kk, std::string(a.ru) + "-" + b.ru, std::string(a.en) + "-" + b.en};
}

Trilingual words(const Words& w) { return {w.kk, w.ru, w.en}; }

// The institutions PPOs are formed at. Weights (per settlement kind) are rough shares of
// the real network: schools and businesses in cities; schools, village akims' offices,
// villages and farms in the countryside.
enum class Host {
    kSchoolNumbered, kSchoolNamed, kGymnasium, kHospital, kPolyclinic, kDistrictHospital, kAkimOffice,
    kVillage, kLlp, kJsc, kCollege, kKindergarten, kResidential, kFarm,
};

struct HostWeight {
    Host host;
    int weight;
};

const HostWeight kUrbanHosts[] = {
    {Host::kSchoolNumbered, 22}, {Host::kGymnasium, 7}, {Host::kSchoolNamed, 6}, {Host::kHospital, 4},
    {Host::kPolyclinic, 5},      {Host::kLlp, 18},      {Host::kJsc, 6},         {Host::kCollege, 5},
    {Host::kKindergarten, 8},    {Host::kResidential, 19},
};
const HostWeight kRuralHosts[] = {
    {Host::kSchoolNamed, 18}, {Host::kSchoolNumbered, 8}, {Host::kDistrictHospital, 3}, {Host::kAkimOffice, 16},
    {Host::kVillage, 20},     {Host::kFarm, 13},          {Host::kLlp, 10},             {Host::kKindergarten, 6},
    {Host::kResidential, 6},
};

template <std::size_t N>
Host pickHost(Prng& rng, const HostWeight (&table)[N]) {
    int total = 0;
    for (const HostWeight& h : table) total += h.weight;
    int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (const HostWeight& h : table) {
        if (r < h.weight) return h.host;
        r -= h.weight;
    }
    return table[0].host;
}

// The next number of a numbered institution in a district: increasing with gaps, as the
// real numbering (schools closed or merged) is.
int nextNumber(Prng& rng, int& counter, int firstMax, int maxStep) {
    counter = counter == 0 ? rng.between(1, firstMax) : counter + rng.between(1, maxStep);
    return counter;
}

}  // namespace

const std::vector<RegionInfo>& regionTable() {
    static const std::vector<RegionInfo> kRegions = {
        {"AST", "Астана қаласы", "город Астана", "Astana City", 15},
        {"ALA", "Алматы қаласы", "город Алматы", "Almaty City", 22},
        {"SHY", "Шымкент қаласы", "город Шымкент", "Shymkent City", 6},
        {"AKM", "Ақмола облысы", "Акмолинская область", "Akmola Region", 40},
        {"AKT", "Ақтөбе облысы", "Актюбинская область", "Aktobe Region", 14},
        {"ALM", "Алматы облысы", "Алматинская область", "Almaty Region", 12},
        {"ATY", "Атырау облысы", "Атырауская область", "Atyrau Region", 5},
        {"VKO", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область", "East Kazakhstan Region", 50},
        {"ZHA", "Жамбыл облысы", "Жамбылская область", "Zhambyl Region", 10},
        {"ZKO", "Батыс Қазақстан облысы", "Западно-Казахстанская область", "West Kazakhstan Region", 22},
        {"KAR", "Қарағанды облысы", "Карагандинская область", "Karaganda Region", 40},
        {"KOS", "Қостанай облысы", "Костанайская область", "Kostanay Region", 50},
        {"KZY", "Қызылорда облысы", "Кызылординская область", "Kyzylorda Region", 3},
        {"MAN", "Маңғыстау облысы", "Мангистауская область", "Mangystau Region", 6},
        {"PAV", "Павлодар облысы", "Павлодарская область", "Pavlodar Region", 45},
        {"SKO", "Солтүстік Қазақстан облысы", "Северо-Казахстанская область", "North Kazakhstan Region", 55},
        {"TUR", "Түркістан облысы", "Туркестанская область", "Turkistan Region", 3},
        {"ABA", "Абай облысы", "область Абай", "Abai Region", 25},
        {"ZHE", "Жетісу облысы", "область Жетісу", "Jetisu Region", 15},
        {"ULY", "Ұлытау облысы", "область Ұлытау", "Ulytau Region", 15},
    };
    return kRegions;
}

const std::vector<DistrictInfo>& districtTable() {
    static const std::vector<DistrictInfo> kDistricts = {
        {"AST", "Алматы ауданы", "Алматинский район", "Almaty District", kCd},
        {"AST", "Байқоңыр ауданы", "Байконурский район", "Baikonur District", kCd},
        {"AST", "Есіл ауданы", "Есильский район", "Yesil District", kCd},
        {"AST", "Нұра ауданы", "район Нура", "Nura District", kCd},
        {"AST", "Сарайшық ауданы", "район Сарайшык", "Sarayshyk District", kCd},
        {"AST", "Сарыарқа ауданы", "Сарыаркинский район", "Saryarka District", kCd},

        {"ALA", "Алатау ауданы", "Алатауский район", "Alatau District", kCd},
        {"ALA", "Алмалы ауданы", "Алмалинский район", "Almaly District", kCd},
        {"ALA", "Әуезов ауданы", "Ауэзовский район", "Auezov District", kCd},
        {"ALA", "Бостандық ауданы", "Бостандыкский район", "Bostandyk District", kCd},
        {"ALA", "Жетісу ауданы", "Жетысуский район", "Zhetysu District", kCd},
        {"ALA", "Медеу ауданы", "Медеуский район", "Medeu District", kCd},
        {"ALA", "Наурызбай ауданы", "Наурызбайский район", "Nauryzbay District", kCd},
        {"ALA", "Түрксіб ауданы", "Турксибский район", "Turksib District", kCd},

        {"SHY", "Абай ауданы", "Абайский район", "Abai District", kCd},
        {"SHY", "Әл-Фараби ауданы", "Аль-Фарабийский район", "Al-Farabi District", kCd},
        {"SHY", "Еңбекші ауданы", "Енбекшинский район", "Enbekshi District", kCd},
        {"SHY", "Қаратау ауданы", "Каратауский район", "Karatau District", kCd},
        {"SHY", "Тұран ауданы", "Туранский район", "Turan District", kCd},

        {"AKM", "Көкшетау қаласы", "город Кокшетау", "Kokshetau City", kCi},
        {"AKM", "Степногор қаласы", "город Степногорск", "Stepnogorsk City", kCi},
        {"AKM", "Ақкөл ауданы", "Аккольский район", "Akkol District", kRu},
        {"AKM", "Аршалы ауданы", "Аршалынский район", "Arshaly District", kRu},
        {"AKM", "Астрахан ауданы", "Астраханский район", "Astrakhan District", kRu},
        {"AKM", "Атбасар ауданы", "Атбасарский район", "Atbasar District", kRu},
        {"AKM", "Бурабай ауданы", "Бурабайский район", "Burabay District", kRu},
        {"AKM", "Ерейментау ауданы", "Ерейментауский район", "Ereymentau District", kRu},
        {"AKM", "Есіл ауданы", "Есильский район", "Esil District", kRu},
        {"AKM", "Зеренді ауданы", "Зерендинский район", "Zerendi District", kRu},
        {"AKM", "Қорғалжын ауданы", "Коргалжынский район", "Korgalzhyn District", kRu},
        {"AKM", "Сандықтау ауданы", "Сандыктауский район", "Sandyktau District", kRu},
        {"AKM", "Целиноград ауданы", "Целиноградский район", "Tselinograd District", kRu},
        {"AKM", "Шортанды ауданы", "Шортандинский район", "Shortandy District", kRu},

        {"AKT", "Ақтөбе қаласы", "город Актобе", "Aktobe City", kCi},
        {"AKT", "Алға ауданы", "Алгинский район", "Alga District", kRu},
        {"AKT", "Әйтеке би ауданы", "Айтекебийский район", "Aiteke Bi District", kRu},
        {"AKT", "Байғанин ауданы", "Байганинский район", "Baiganin District", kRu},
        {"AKT", "Қарғалы ауданы", "Каргалинский район", "Kargaly District", kRu},
        {"AKT", "Қобда ауданы", "Хобдинский район", "Khobda District", kRu},
        {"AKT", "Мәртөк ауданы", "Мартукский район", "Martuk District", kRu},
        {"AKT", "Мұғалжар ауданы", "Мугалжарский район", "Mugalzhar District", kRu},
        {"AKT", "Ойыл ауданы", "Уилский район", "Oiyl District", kRu},
        {"AKT", "Темір ауданы", "Темирский район", "Temir District", kRu},
        {"AKT", "Хромтау ауданы", "Хромтауский район", "Khromtau District", kRu},
        {"AKT", "Шалқар ауданы", "Шалкарский район", "Shalkar District", kRu},
        {"AKT", "Ырғыз ауданы", "Иргизский район", "Yrgyz District", kRu},

        {"ALM", "Қонаев қаласы", "город Конаев", "Konaev City", kCi},
        {"ALM", "Балқаш ауданы", "Балхашский район", "Balkhash District", kRu},
        {"ALM", "Еңбекшіқазақ ауданы", "Енбекшиказахский район", "Enbekshikazakh District", kRu},
        {"ALM", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District", kRu},
        {"ALM", "Іле ауданы", "Илийский район", "Ile District", kRu},
        {"ALM", "Қарасай ауданы", "Карасайский район", "Karasai District", kRu},
        {"ALM", "Кеген ауданы", "Кегенский район", "Kegen District", kRu},
        {"ALM", "Райымбек ауданы", "Райымбекский район", "Raiymbek District", kRu},
        {"ALM", "Талғар ауданы", "Талгарский район", "Talgar District", kRu},
        {"ALM", "Ұйғыр ауданы", "Уйгурский район", "Uigur District", kRu},

        {"ATY", "Атырау қаласы", "город Атырау", "Atyrau City", kCi},
        {"ATY", "Жылыой ауданы", "Жылыойский район", "Zhylyoi District", kRu},
        {"ATY", "Индер ауданы", "Индерский район", "Inder District", kRu},
        {"ATY", "Исатай ауданы", "Исатайский район", "Isatai District", kRu},
        {"ATY", "Құрманғазы ауданы", "Курмангазинский район", "Kurmangazy District", kRu},
        {"ATY", "Қызылқоға ауданы", "Кызылкогинский район", "Kyzylkoga District", kRu},
        {"ATY", "Мақат ауданы", "Макатский район", "Makat District", kRu},
        {"ATY", "Махамбет ауданы", "Махамбетский район", "Makhambet District", kRu},

        {"VKO", "Өскемен қаласы", "город Усть-Каменогорск", "Oskemen City", kCi},
        {"VKO", "Риддер қаласы", "город Риддер", "Ridder City", kCi},
        {"VKO", "Алтай ауданы", "район Алтай", "Altai District", kRu},
        {"VKO", "Глубокое ауданы", "Глубоковский район", "Glubokoe District", kRu},
        {"VKO", "Зайсан ауданы", "Зайсанский район", "Zaisan District", kRu},
        {"VKO", "Катонқарағай ауданы", "Катон-Карагайский район", "Katonkaragai District", kRu},
        {"VKO", "Күршім ауданы", "Курчумский район", "Kurchum District", kRu},
        {"VKO", "Марқакөл ауданы", "Маркакольский район", "Markakol District", kRu},
        {"VKO", "Самар ауданы", "Самарский район", "Samar District", kRu},
        {"VKO", "Тарбағатай ауданы", "Тарбагатайский район", "Tarbagatai District", kRu},
        {"VKO", "Ұлан ауданы", "Уланский район", "Ulan District", kRu},
        {"VKO", "Шемонаиха ауданы", "Шемонаихинский район", "Shemonaikha District", kRu},

        {"ZHA", "Тараз қаласы", "город Тараз", "Taraz City", kCi},
        {"ZHA", "Байзақ ауданы", "Байзакский район", "Baizak District", kRu},
        {"ZHA", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District", kRu},
        {"ZHA", "Жуалы ауданы", "Жуалынский район", "Zhualy District", kRu},
        {"ZHA", "Қордай ауданы", "Кордайский район", "Korday District", kRu},
        {"ZHA", "Меркі ауданы", "Меркенский район", "Merki District", kRu},
        {"ZHA", "Мойынқұм ауданы", "Мойынкумский район", "Moiynkum District", kRu},
        {"ZHA", "Т. Рысқұлов ауданы", "район Турара Рыскулова", "Turar Ryskulov District", kRu},
        {"ZHA", "Сарысу ауданы", "Сарысуский район", "Sarysu District", kRu},
        {"ZHA", "Талас ауданы", "Таласский район", "Talas District", kRu},
        {"ZHA", "Шу ауданы", "Шуский район", "Shu District", kRu},

        {"ZKO", "Орал қаласы", "город Уральск", "Oral City", kCi},
        {"ZKO", "Ақжайық ауданы", "Акжаикский район", "Akzhaiyk District", kRu},
        {"ZKO", "Бәйтерек ауданы", "Байтерекский район", "Baiterek District", kRu},
        {"ZKO", "Бөкей ордасы ауданы", "Бокейординский район", "Bokey Orda District", kRu},
        {"ZKO", "Бөрлі ауданы", "Бурлинский район", "Burli District", kRu},
        {"ZKO", "Жаңақала ауданы", "Жангалинский район", "Zhangala District", kRu},
        {"ZKO", "Жәнібек ауданы", "Жанибекский район", "Zhanibek District", kRu},
        {"ZKO", "Қазталов ауданы", "Казталовский район", "Kaztalov District", kRu},
        {"ZKO", "Қаратөбе ауданы", "Каратобинский район", "Karatobe District", kRu},
        {"ZKO", "Сырым ауданы", "Сырымский район", "Syrym District", kRu},
        {"ZKO", "Тасқала ауданы", "Таскалинский район", "Taskala District", kRu},
        {"ZKO", "Теректі ауданы", "Теректинский район", "Terekti District", kRu},
        {"ZKO", "Шыңғырлау ауданы", "Чингирлауский район", "Shyngyrlau District", kRu},

        {"KAR", "Қазыбек би ауданы", "район имени Казыбек би", "Kazybek Bi District", kCd},
        {"KAR", "Әлихан Бөкейхан ауданы", "район Алихана Бокейхана", "Alikhan Bokeikhan District", kCd},
        {"KAR", "Теміртау қаласы", "город Темиртау", "Temirtau City", kCi},
        {"KAR", "Балқаш қаласы", "город Балхаш", "Balkhash City", kCi},
        {"KAR", "Саран қаласы", "город Сарань", "Saran City", kCi},
        {"KAR", "Шахтинск қаласы", "город Шахтинск", "Shakhtinsk City", kCi},
        {"KAR", "Приозерск қаласы", "город Приозерск", "Priozersk City", kCi},
        {"KAR", "Абай ауданы", "Абайский район", "Abai District", kRu},
        {"KAR", "Ақтоғай ауданы", "Актогайский район", "Aktogai District", kRu},
        {"KAR", "Бұқар жырау ауданы", "Бухар-Жырауский район", "Bukhar-Zhyrau District", kRu},
        {"KAR", "Қарқаралы ауданы", "Каркаралинский район", "Karkaraly District", kRu},
        {"KAR", "Нұра ауданы", "Нуринский район", "Nura District", kRu},
        {"KAR", "Осакаров ауданы", "Осакаровский район", "Osakarov District", kRu},
        {"KAR", "Шет ауданы", "Шетский район", "Shet District", kRu},

        {"KOS", "Қостанай қаласы", "город Костанай", "Kostanay City", kCi},
        {"KOS", "Рудный қаласы", "город Рудный", "Rudny City", kCi},
        {"KOS", "Лисаков қаласы", "город Лисаковск", "Lisakovsk City", kCi},
        {"KOS", "Арқалық қаласы", "город Аркалык", "Arkalyk City", kCi},
        {"KOS", "Амангелді ауданы", "Амангельдинский район", "Amangeldi District", kRu},
        {"KOS", "Әулиекөл ауданы", "Аулиекольский район", "Auliekol District", kRu},
        {"KOS", "Денисов ауданы", "Денисовский район", "Denisov District", kRu},
        {"KOS", "Жітіқара ауданы", "Житикаринский район", "Zhitikara District", kRu},
        {"KOS", "Қамысты ауданы", "Камыстинский район", "Kamysty District", kRu},
        {"KOS", "Қарабалық ауданы", "Карабалыкский район", "Karabalyk District", kRu},
        {"KOS", "Қарасу ауданы", "Карасуский район", "Karasu District", kRu},
        {"KOS", "Қостанай ауданы", "Костанайский район", "Kostanay District", kRu},
        {"KOS", "Меңдіқара ауданы", "Мендыкаринский район", "Mendykara District", kRu},
        {"KOS", "Наурызым ауданы", "Наурзумский район", "Naurzum District", kRu},
        {"KOS", "Сарыкөл ауданы", "Сарыкольский район", "Sarykol District", kRu},
        {"KOS", "Ұзынкөл ауданы", "Узункольский район", "Uzunkol District", kRu},

        {"KZY", "Қызылорда қаласы", "город Кызылорда", "Kyzylorda City", kCi},
        {"KZY", "Арал ауданы", "Аральский район", "Aral District", kRu},
        {"KZY", "Жалағаш ауданы", "Жалагашский район", "Zhalagash District", kRu},
        {"KZY", "Жаңақорған ауданы", "Жанакорганский район", "Zhanakorgan District", kRu},
        {"KZY", "Қазалы ауданы", "Казалинский район", "Kazaly District", kRu},
        {"KZY", "Қармақшы ауданы", "Кармакшинский район", "Karmakshy District", kRu},
        {"KZY", "Сырдария ауданы", "Сырдарьинский район", "Syrdarya District", kRu},
        {"KZY", "Шиелі ауданы", "Шиелийский район", "Shieli District", kRu},

        {"MAN", "Ақтау қаласы", "город Актау", "Aktau City", kCi},
        {"MAN", "Жаңаөзен қаласы", "город Жанаозен", "Zhanaozen City", kCi},
        {"MAN", "Бейнеу ауданы", "Бейнеуский район", "Beineu District", kRu},
        {"MAN", "Қарақия ауданы", "Каракиянский район", "Karakiya District", kRu},
        {"MAN", "Маңғыстау ауданы", "Мангистауский район", "Mangystau District", kRu},
        {"MAN", "Мұнайлы ауданы", "Мунайлинский район", "Munaily District", kRu},
        {"MAN", "Түпқараған ауданы", "Тупкараганский район", "Tupkaragan District", kRu},

        {"PAV", "Павлодар қаласы", "город Павлодар", "Pavlodar City", kCi},
        {"PAV", "Екібастұз қаласы", "город Экибастуз", "Ekibastuz City", kCi},
        {"PAV", "Ақсу қаласы", "город Аксу", "Aksu City", kCi},
        {"PAV", "Аққулы ауданы", "Аккулинский район", "Akkuly District", kRu},
        {"PAV", "Ақтоғай ауданы", "Актогайский район", "Aktogai District", kRu},
        {"PAV", "Баянауыл ауданы", "Баянаульский район", "Bayanaul District", kRu},
        {"PAV", "Железин ауданы", "Железинский район", "Zhelezin District", kRu},
        {"PAV", "Ертіс ауданы", "Иртышский район", "Ertis District", kRu},
        {"PAV", "Май ауданы", "Майский район", "Mai District", kRu},
        {"PAV", "Павлодар ауданы", "Павлодарский район", "Pavlodar District", kRu},
        {"PAV", "Тереңкөл ауданы", "Теренкольский район", "Terenkol District", kRu},
        {"PAV", "Успен ауданы", "Успенский район", "Uspen District", kRu},
        {"PAV", "Шарбақты ауданы", "Щербактинский район", "Sharbakty District", kRu},

        {"SKO", "Петропавл қаласы", "город Петропавловск", "Petropavl City", kCi},
        {"SKO", "Айыртау ауданы", "Айыртауский район", "Aiyrtau District", kRu},
        {"SKO", "Ақжар ауданы", "Акжарский район", "Akzhar District", kRu},
        {"SKO", "Аққайың ауданы", "Аккайынский район", "Akkaiyn District", kRu},
        {"SKO", "Есіл ауданы", "Есильский район", "Esil District", kRu},
        {"SKO", "Жамбыл ауданы", "Жамбылский район", "Zhambyl District", kRu},
        {"SKO", "Мағжан Жұмабаев ауданы", "район Магжана Жумабаева", "Magzhan Zhumabayev District", kRu},
        {"SKO", "Қызылжар ауданы", "Кызылжарский район", "Kyzylzhar District", kRu},
        {"SKO", "Мамлют ауданы", "Мамлютский район", "Mamlyut District", kRu},
        {"SKO", "Ғабит Мүсірепов атындағы аудан", "район имени Габита Мусрепова", "Gabit Musrepov District", kRu},
        {"SKO", "Тайынша ауданы", "Тайыншинский район", "Taiynsha District", kRu},
        {"SKO", "Тимирязев ауданы", "Тимирязевский район", "Timiryazev District", kRu},
        {"SKO", "Уәлиханов ауданы", "Уалихановский район", "Ualikhanov District", kRu},
        {"SKO", "Шал ақын ауданы", "район Шал акына", "Shal Akyn District", kRu},

        {"TUR", "Түркістан қаласы", "город Туркестан", "Turkistan City", kCi},
        {"TUR", "Кентау қаласы", "город Кентау", "Kentau City", kCi},
        {"TUR", "Арыс қаласы", "город Арысь", "Arys City", kCi},
        {"TUR", "Бәйдібек ауданы", "Байдибекский район", "Baidibek District", kRu},
        {"TUR", "Жетісай ауданы", "Жетысайский район", "Zhetysai District", kRu},
        {"TUR", "Келес ауданы", "Келесский район", "Keles District", kRu},
        {"TUR", "Қазығұрт ауданы", "Казыгуртский район", "Kazygurt District", kRu},
        {"TUR", "Мақтаарал ауданы", "Мактааральский район", "Maktaaral District", kRu},
        {"TUR", "Ордабасы ауданы", "Ордабасинский район", "Ordabasy District", kRu},
        {"TUR", "Отырар ауданы", "Отырарский район", "Otyrar District", kRu},
        {"TUR", "Сайрам ауданы", "Сайрамский район", "Sairam District", kRu},
        {"TUR", "Сарыағаш ауданы", "Сарыагашский район", "Saryagash District", kRu},
        {"TUR", "Созақ ауданы", "Сузакский район", "Sozak District", kRu},
        {"TUR", "Төле би ауданы", "Толебийский район", "Tole Bi District", kRu},
        {"TUR", "Түлкібас ауданы", "Тюлькубасский район", "Tulkibas District", kRu},
        {"TUR", "Шардара ауданы", "Шардаринский район", "Shardara District", kRu},

        {"ABA", "Семей қаласы", "город Семей", "Semey City", kCi},
        {"ABA", "Курчатов қаласы", "город Курчатов", "Kurchatov City", kCi},
        {"ABA", "Абай ауданы", "Абайский район", "Abai District", kRu},
        {"ABA", "Аягөз ауданы", "Аягозский район", "Ayagoz District", kRu},
        {"ABA", "Ақсуат ауданы", "Аксуатский район", "Aksuat District", kRu},
        {"ABA", "Бесқарағай ауданы", "Бескарагайский район", "Beskaragai District", kRu},
        {"ABA", "Бородулиха ауданы", "Бородулихинский район", "Borodulikha District", kRu},
        {"ABA", "Жаңасемей ауданы", "Жанасемейский район", "Zhanasemey District", kRu},
        {"ABA", "Жарма ауданы", "Жарминский район", "Zharma District", kRu},
        {"ABA", "Көкпекті ауданы", "Кокпектинский район", "Kokpekty District", kRu},
        {"ABA", "Мақаншы ауданы", "Маканчинский район", "Makanshy District", kRu},
        {"ABA", "Үржар ауданы", "Урджарский район", "Urzhar District", kRu},

        {"ZHE", "Талдықорған қаласы", "город Талдыкорган", "Taldykorgan City", kCi},
        {"ZHE", "Текелі қаласы", "город Текели", "Tekeli City", kCi},
        {"ZHE", "Ақсу ауданы", "Аксуский район", "Aksu District", kRu},
        {"ZHE", "Алакөл ауданы", "Алакольский район", "Alakol District", kRu},
        {"ZHE", "Ескелді ауданы", "Ескельдинский район", "Eskeldi District", kRu},
        {"ZHE", "Қаратал ауданы", "Каратальский район", "Karatal District", kRu},
        {"ZHE", "Кербұлақ ауданы", "Кербулакский район", "Kerbulak District", kRu},
        {"ZHE", "Көксу ауданы", "Коксуский район", "Koksu District", kRu},
        {"ZHE", "Панфилов ауданы", "Панфиловский район", "Panfilov District", kRu},
        {"ZHE", "Сарқан ауданы", "Саркандский район", "Sarkand District", kRu},

        {"ULY", "Жезқазған қаласы", "город Жезказган", "Zhezkazgan City", kCi},
        {"ULY", "Сәтбаев қаласы", "город Сатпаев", "Satbayev City", kCi},
        {"ULY", "Қаражал қаласы", "город Каражал", "Karazhal City", kCi},
        {"ULY", "Жаңаарқа ауданы", "Жанааркинский район", "Zhanaarka District", kRu},
        {"ULY", "Ұлытау ауданы", "Улытауский район", "Ulytau District", kRu},
    };
    return kDistricts;
}

Trilingual ppoName(Prng& rng, SettlementKind kind, InstitutionNumbers& numbers) {
    const bool urban = kind != SettlementKind::kRural;
    Host host = urban ? pickHost(rng, kUrbanHosts) : pickHost(rng, kRuralHosts);
    if (host == Host::kDistrictHospital) {
        if (numbers.districtHospital) host = Host::kVillage;  // one central hospital per district
        numbers.districtHospital = true;
    }
    switch (host) {
        case Host::kSchoolNumbered: {
            const std::string n = std::to_string(nextNumber(rng, numbers.school, urban ? 30 : 5, 4));
            return {"№ " + n + " орта мектеп жанындағы БПҰ", "ППО при средней школе № " + n,
                    "PPO of Secondary School No. " + n};
        }
        case Host::kGymnasium: {
            const std::string n = std::to_string(nextNumber(rng, numbers.school, urban ? 30 : 5, 4));
            return {"№ " + n + " мектеп-гимназия жанындағы БПҰ", "ППО при школе-гимназии № " + n,
                    "PPO of School-Gymnasium No. " + n};
        }
        case Host::kSchoolNamed: {
            const Words& p = rng.pick(kEponyms);
            return {std::string(p.kk) + " атындағы орта мектеп жанындағы БПҰ",
                    std::string("ППО при средней школе имени ") + p.ru,
                    std::string("PPO of ") + p.en + " Secondary School"};
        }
        case Host::kHospital: {
            const std::string n = std::to_string(nextNumber(rng, numbers.hospital, 3, 2));
            return {"№ " + n + " қалалық аурухана жанындағы БПҰ", "ППО при городской больнице № " + n,
                    "PPO of City Hospital No. " + n};
        }
        case Host::kPolyclinic: {
            const std::string n = std::to_string(nextNumber(rng, numbers.polyclinic, 5, 3));
            return {"№ " + n + " қалалық емхана жанындағы БПҰ", "ППО при городской поликлинике № " + n,
                    "PPO of City Polyclinic No. " + n};
        }
        case Host::kDistrictHospital:
            return {"Аудандық орталық аурухана жанындағы БПҰ", "ППО при центральной районной больнице",
                    "PPO of the Central District Hospital"};
        case Host::kAkimOffice: {
            const Trilingual p = placeName(rng);
            return {p.kk + " ауылдық округі әкімі аппаратының БПҰ", "ППО при аппарате акима сельского округа " + p.ru,
                    "PPO of the " + p.en + " Rural District Akim's Office"};
        }
        case Host::kVillage: {
            const Trilingual p = placeName(rng);
            return {p.kk + " ауылының БПҰ", "ППО села " + p.ru, "PPO of " + p.en + " Village"};
        }
        case Host::kLlp: {
            const Trilingual b = brandName(rng);
            return {"«" + b.kk + "» ЖШС жанындағы БПҰ", "ППО при ТОО «" + b.ru + "»", "PPO of " + b.en + " LLP"};
        }
        case Host::kJsc: {
            const Trilingual b = brandName(rng);
            return {"«" + b.kk + "» АҚ жанындағы БПҰ", "ППО при АО «" + b.ru + "»", "PPO of " + b.en + " JSC"};
        }
        case Host::kCollege: {
            const Trilingual b = words(rng.pick(kBrandWords));
            return {"«" + b.kk + "» жоғары колледжі жанындағы БПҰ", "ППО при высшем колледже «" + b.ru + "»",
                    "PPO of " + b.en + " Higher College"};
        }
        case Host::kKindergarten: {
            const Trilingual b = words(rng.pick(kKindergartens));
            return {"«" + b.kk + "» балабақшасы жанындағы БПҰ", "ППО при детском саду «" + b.ru + "»",
                    "PPO of " + b.en + " Kindergarten"};
        }
        case Host::kResidential: {
            const Trilingual b = words(rng.pick(kBrandWords));
            return {"«" + b.kk + "» тұрғылықты жері бойынша БПҰ", "ППО «" + b.ru + "» по месту жительства",
                    b.en + " Residential PPO"};
        }
        case Host::kFarm: {
            const Trilingual b = words(rng.pick(kBrandWords));
            return {"«" + b.kk + "» шаруа қожалығы жанындағы БПҰ", "ППО при крестьянском хозяйстве «" + b.ru + "»",
                    "PPO of " + b.en + " Farm"};
        }
    }
    return {"БПҰ", "ППО", "PPO"};
}

}  // namespace qujat::directory
