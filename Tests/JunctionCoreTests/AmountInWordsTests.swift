import JunctionCore
import Testing

@Suite struct AmountInWordsTests {
    @Test(arguments: [
        (Int64(0), "Rupees Zero Only"),
        (1, "Rupees Zero and One Paisa Only"),
        (50, "Rupees Zero and Fifty Paise Only"),
        (1_00, "Rupees One Only"),
        (1_01, "Rupees One and One Paisa Only"),
        (19_19, "Rupees Nineteen and Nineteen Paise Only"),
        (100_00, "Rupees One Hundred Only"),
        (1_000_00, "Rupees One Thousand Only"),
        (1_001_00, "Rupees One Thousand One Only"),
        (10_010_00, "Rupees Ten Thousand Ten Only"),
        (1_00_000_00, "Rupees One Lakh Only"),
        (12_34_567_89, "Rupees Twelve Lakh Thirty-Four Thousand Five Hundred Sixty-Seven and Eighty-Nine Paise Only"),
        (1_00_00_000_00, "Rupees One Crore Only"),
        (1_00_00_001_00, "Rupees One Crore One Only"),
        (99_99_99_999_99,
         "Rupees Ninety-Nine Crore Ninety-Nine Lakh Ninety-Nine Thousand Nine Hundred Ninety-Nine and Ninety-Nine Paise Only"),
        (1_00_00_00_000_00, "Rupees One Hundred Crore Only"),
        (10_000_00_00_000_00, "Rupees Ten Thousand Crore Only"),
        (1234_56_78_901_23,
         "Rupees One Thousand Two Hundred Thirty-Four Crore Fifty-Six Lakh Seventy-Eight Thousand Nine Hundred One and Twenty-Three Paise Only"),
        (-5_60_00, "Minus Rupees Five Hundred Sixty Only"),
    ])
    func spellsAmountsTheIndianWay(paise: Int64, words: String) {
        #expect(Paise(paise).inWords == words)
    }
}
