// Synthetic patients: NHS numbers, names and dates of birth made from a number,
// never taken from anyone. NHS numbers are drawn from the 999 range NHS England
// keeps for testing, with a valid modulus-11 check digit, so they pass an
// importer's validation yet cannot belong to a real person. The same patient
// number gives the same identity in every trust, as the same person would.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace strawman::sample {

struct SyntheticPatient {
    std::string nhsNumber; // 10 digits
    std::string_view family, given;
    int birthYear = 1970;
    unsigned birthMonth = 1, birthDay = 1;
    char sex = 'F';
};

SyntheticPatient syntheticPatient(std::uint64_t patientNumber);

// True for ten digits whose last is the modulus-11 check digit of the first nine.
bool validNhsNumber(std::string_view digits);

} // namespace strawman::sample
