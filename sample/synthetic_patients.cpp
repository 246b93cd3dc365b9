#include "synthetic_patients.h"

#include "random.h"

#include <algorithm>
#include <array>

namespace strawman::sample {

namespace {

constexpr std::array<std::string_view, 40> kFamily{
    "SMITH",    "JONES",  "TAYLOR",   "BROWN",  "WILLIAMS", "WILSON",   "JOHNSON", "DAVIES",
    "ROBINSON", "WRIGHT", "THOMPSON", "EVANS",  "WALKER",   "WHITE",    "ROBERTS", "GREEN",
    "HALL",     "WOOD",   "JACKSON",  "CLARKE", "PATEL",    "KHAN",     "LEWIS",   "HARRIS",
    "MARTIN",   "COOPER", "KING",     "LEE",    "BAKER",    "HARRISON", "MORGAN",  "ALLEN",
    "JAMES",    "SCOTT",  "PHILLIPS", "WATSON", "DAVIS",    "PARKER",   "O'BRIEN", "OKAFOR"};
constexpr std::array<std::string_view, 20> kFemale{
    "OLIVIA", "AMELIA", "MARGARET", "SUSAN",  "PATRICIA", "EMMA",  "SOPHIE",
    "JOAN",   "PRIYA",  "GRACE",    "HANNAH", "JEAN",     "CHLOE", "MARY",
    "LUCY",   "ELLIE",  "SARAH",    "ANNE",   "FATIMA",   "ZOE"};
constexpr std::array<std::string_view, 20> kMale{
    "OLIVER",  "GEORGE", "HARRY", "JACK",    "DAVID",  "JOHN", "MOHAMMED",
    "THOMAS",  "JAMES",  "PETER", "WILLIAM", "ARTHUR", "NOAH", "LEO",
    "MICHAEL", "ROBERT", "ALI",   "DANIEL",  "KWAME",  "IAN"};

int checkDigit(const std::string& nine) {
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (nine[static_cast<std::size_t>(i)] - '0') * (10 - i);
    const int check = 11 - sum % 11;
    return check == 11 ? 0 : check; // 10 means "no valid number"
}

} // namespace

bool validNhsNumber(std::string_view digits) {
    if (digits.size() != 10) return false;
    for (char c : digits)
        if (c < '0' || c > '9') return false;
    const int check = checkDigit(std::string(digits.substr(0, 9)));
    return check != 10 && check == digits[9] - '0';
}

SyntheticPatient syntheticPatient(std::uint64_t patientNumber) {
    Random rng(mixKeys(0x5A11E5ULL, patientNumber));
    SyntheticPatient p;
    for (;;) {
        std::string nine = "999";
        for (int i = 0; i < 6; ++i) nine.push_back(static_cast<char>('0' + rng.below(10)));
        const int check = checkDigit(nine);
        if (check == 10) continue;
        p.nhsNumber = nine + static_cast<char>('0' + check);
        break;
    }
    p.sex = rng.chance(0.52) ? 'F' : 'M';
    p.family = kFamily[rng.below(kFamily.size())];
    p.given = p.sex == 'F' ? kFemale[rng.below(kFemale.size())] : kMale[rng.below(kMale.size())];
    // Imaging skews old: ages 0–99 weighted towards 50–85.
    const double age = std::min(99.0, std::max(0.0, 58.0 + 20.0 * rng.normal()));
    p.birthYear = 2025 - static_cast<int>(age);
    p.birthMonth = static_cast<unsigned>(rng.between(1, 12));
    p.birthDay = static_cast<unsigned>(rng.between(1, 28));
    return p;
}

} // namespace strawman::sample
