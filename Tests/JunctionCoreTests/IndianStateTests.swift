import JunctionCore
import Testing

@Suite struct IndianStateTests {
    @Test(arguments: [
        ("KA", IndianState.karnataka), ("Karnataka", .karnataka), ("  karnataka ", .karnataka), ("29", .karnataka),
        ("9", .uttarPradesh), ("09", .uttarPradesh), ("U.P.", .uttarPradesh),
        ("Orissa", .odisha), ("ODISHA", .odisha), ("Pondicherry", .puducherry), ("Puducherry", .puducherry),
        ("Delhi", .delhi), ("New Delhi", .delhi), ("NCT of Delhi", .delhi), ("new-delhi", .delhi),
        ("Telangana", .telangana), ("TS", .telangana), ("Uttaranchal", .uttarakhand), ("Uttarakhand", .uttarakhand),
        ("J&K", .jammuAndKashmir), ("Jammu & Kashmir", .jammuAndKashmir), ("jammu and  kashmir", .jammuAndKashmir),
        ("Andaman & Nicobar Islands", .andamanAndNicobarIslands), ("A & N Islands", .andamanAndNicobarIslands),
        ("Dadra & Nagar Haveli", .dadraNagarHaveliDamanDiu), ("Daman and Diu", .dadraNagarHaveliDamanDiu),
        ("Dadra and Nagar Haveli and Daman and Diu", .dadraNagarHaveliDamanDiu), ("25", .dadraNagarHaveliDamanDiu),
        ("26", .dadraNagarHaveliDamanDiu), ("28", .andhraPradesh), ("37", .andhraPradesh), ("Andhra Pradesh", .andhraPradesh),
        ("Tamil Nadu", .tamilNadu), ("TamilNadu", .tamilNadu), ("Chhattisgarh", .chhattisgarh), ("Chattisgarh", .chhattisgarh),
        ("Ladakh", .ladakh), ("38", .ladakh), ("01", .jammuAndKashmir), ("97", .otherTerritory), ("Other Territory", .otherTerritory),
        ("West Bengal", .westBengal), ("maharashtra", .maharashtra), ("MH", .maharashtra), ("Lakshadweep", .lakshadweep),
    ])
    func matchesCommonSpellings(text: String, state: IndianState) {
        #expect(IndianState(matching: text) == state)
    }

    @Test(arguments: ["", "  ", "Atlantis", "Karnataka State", "0", "39", "99", "100", "K A R"])
    func refusesWhatNamesNoState(text: String) {
        #expect(IndianState(matching: text) == nil)
    }

    @Test func everyStateIsFoundByNameAndCode() {
        #expect(IndianState.allCases.count == 37)
        #expect(Set(IndianState.allCases.map(\.gstCode)).count == 37)
        for state in IndianState.allCases {
            #expect(IndianState(matching: state.name) == state)
            #expect(IndianState(matching: state.name.uppercased()) == state)
            #expect(IndianState(gstCode: state.gstCode) == state)
            #expect(state.gstCode.count == 2)
        }
    }

    @Test func readsTheStateOfAGSTIN() {
        #expect(IndianState(gstin: "29ABCDE1234F1Z5") == .karnataka)
        #expect(IndianState(gstin: " 27ABCDE1234F1Z1 ") == .maharashtra)
        #expect(IndianState(gstin: "07AAACZ1234K1Z2") == .delhi)
        #expect(IndianState(gstin: "99ABCDE1234F1Z5") == nil)
        #expect(IndianState(gstin: "29ABCDE1234F1Z") == nil)
        #expect(IndianState(gstin: "2ABCDE1234F1Z55") == nil)
        #expect(IndianState(gstin: "29ABCDE-234F1Z5") == nil)
    }

    @Test func theSupplyTypeComesFromTheTwoStates() {
        #expect(SupplyType(supplier: .karnataka, placeOfSupply: IndianState(matching: "KA")!) == .intraState)
        #expect(SupplyType(supplier: .karnataka, placeOfSupply: .maharashtra) == .interState)
    }
}
