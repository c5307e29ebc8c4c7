#pragma once

#include <string>

#include "Prng.h"

namespace qujat::directory {

// A person's full name in Cyrillic as written in Kazakhstan's documents:
// "<first name> <patronymic> <surname>", e.g. "Айгерім Нұрланқызы Сейітова",
// "Ерлан Болатұлы Жақсылықов", "Ольга Петровна Иванова". Kazakh patronymics end in
// -ұлы/-қызы, Russian ones in -ович/-евич/-овна/-евна; surnames agree with the gender.
// `russianNamesPercent` is the chance (0-100) of a Russian rather than a Kazakh name.
std::string personName(Prng& rng, int russianNamesPercent);

}  // namespace qujat::directory
