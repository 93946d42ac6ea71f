//! Table-driven tests for the whole mention grammar, negative cases for every exclusion, the
//! seed articles (skipped when `../shared/seeds` is absent) and property tests.

use super::*;
use proptest::prelude::*;

/// `(input, text, value, unit, kind, qualifier, subject)`: the input holds exactly one figure.
const CASES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
    // --- seed 000
    (
        "Inside Trump’s $6mn deportee deal with El Salvador mega-prison",
        "$6mn",
        "6000000",
        "USD",
        "money",
        "exact",
        "deal",
    ),
    (
        "The US has sent hundreds of Venezuelans to El Salvador’s CECOT prison",
        "hundreds",
        "100",
        "",
        "count",
        "vague",
        "Venezuelans",
    ),
    (
        "Hundreds of Venezuelans deported to Central American nation",
        "Hundreds",
        "100",
        "",
        "count",
        "vague",
        "Venezuelans",
    ),
    (
        "more than 250 Venezuelans deported in March from the United States remain locked up",
        "more than 250",
        "250",
        "",
        "count",
        "more_than",
        "Venezuelans",
    ),
    (
        "the United States is paying the Central American country $6 million to hold the Venezuelan deportees",
        "$6 million",
        "6000000",
        "USD",
        "money",
        "exact",
        "",
    ),
    (
        "the largest detention facility in the Americas that can hold up to 40,000 prisoners – for deportees",
        "up to 40,000",
        "40000",
        "",
        "count",
        "up_to",
        "prisoners",
    ),
    (
        "The United States deported more than 250 alleged members of the Venezuelan gang Tren de Aragua",
        "more than 250",
        "250",
        "",
        "count",
        "more_than",
        "members",
    ),
    ("along with 23 suspected MS-13 gang members and leaders", "23", "23", "", "count", "exact", "members"),
    (
        "For 137 of the accused gang deportees, the U.S. government cited the Alien Enemies Act of 1798",
        "137",
        "137",
        "",
        "count",
        "exact",
        "deportees",
    ),
    ("many of those 137 have no U.S. convictions", "137", "137", "", "count", "exact", ""),
    ("in defense of 30 imprisoned Venezuelan citizens", "30", "30", "", "count", "exact", "citizens"),
    (
        "Rubio hailed the $6 million deal for El Salvador to house migrants",
        "$6 million",
        "6000000",
        "USD",
        "money",
        "exact",
        "deal",
    ),
    (
        "the mega-prison also holds about 18,000 Salvadorans who had been detained",
        "about 18,000",
        "18000",
        "",
        "count",
        "approx",
        "Salvadorans",
    ),
    (
        "conditions of torture under which hundreds of Salvadorans have died",
        "hundreds",
        "100",
        "",
        "count",
        "vague",
        "Salvadorans",
    ),
    // --- seed 001
    (
        "to send several hundred Venezuelan migrants to El Salvador",
        "several hundred",
        "100",
        "",
        "count",
        "vague",
        "migrants",
    ),
    (
        "the nation’s prison population from just over 37,000 in 2020",
        "just over 37,000",
        "37000",
        "",
        "count",
        "more_than",
        "",
    ),
    ("to more than 105,000 in total", "more than 105,000", "105000", "", "count", "more_than", ""),
    ("three years later", "three years", "3", "year", "duration", "exact", ""),
    ("—including some 40,000 held at CECOT.", "some 40,000", "40000", "", "count", "approx", ""),
    (
        "the official homicide rate fell from 38 per 100,000, one of the world’s highest",
        "38 per 100,000",
        "38",
        "per 100,000",
        "rate",
        "exact",
        "",
    ),
    (
        "to just 1.9 per 100,000 when it was one of the world’s lowest",
        "1.9 per 100,000",
        "1.9",
        "per 100,000",
        "rate",
        "exact",
        "",
    ),
    ("five years later, when it was", "five years", "5", "year", "duration", "exact", ""),
    ("he paid $30,000 for a hospital stay", "$30,000", "30000", "USD", "money", "exact", ""),
    ("for a four-day hospital stay", "four-day", "4", "day", "duration", "exact", "stay"),
    // --- seed 002
    ("Hundreds of immigrants alleged to be members of the gang", "Hundreds", "100", "", "count", "vague", "immigrants"),
    (
        "The transfer is part of a $6 million agreement between the Trump administration",
        "$6 million",
        "6000000",
        "USD",
        "money",
        "exact",
        "agreement",
    ),
    ("This law has been used only three times in US history.", "three", "3", "", "count", "exact", "times"),
    (
        "El Salvador will detain the deported individuals for one year in CECOT",
        "one year",
        "1",
        "year",
        "duration",
        "exact",
        "",
    ),
    (
        "The prison, which can hold up to 40,000 inmates, was designed",
        "up to 40,000",
        "40000",
        "",
        "count",
        "up_to",
        "inmates",
    ),
    (
        "located in Tecoluca, approximately 72 kilometers east of San Salvador",
        "approximately 72 kilometers",
        "72",
        "km",
        "quantity",
        "approx",
        "",
    ),
    ("Cells are overcrowded, with up to 70 prisoners in a unit.", "up to 70", "70", "", "count", "up_to", "prisoners"),
    (
        "escorted by military and police vehicles and at least one helicopter, transported",
        "at least one",
        "1",
        "",
        "count",
        "at_least",
        "helicopter",
    ),
    (
        "The Cristosal human rights organization reported 261 deaths in El Salvador’s prisons",
        "261",
        "261",
        "",
        "count",
        "exact",
        "deaths",
    ),
    ("once their one-year detention agreement expires", "one-year", "1", "year", "duration", "exact", "agreement"),
    // --- seed 003
    ("hundreds of migrants, mostly Venezuelans, are being held", "hundreds", "100", "", "count", "vague", "migrants"),
    (
        "It’s not in Texas or Arizona, but 70 kilometres east of San Salvador",
        "70 kilometres",
        "70",
        "km",
        "quantity",
        "exact",
        "",
    ),
    (
        "The United States has transferred more than 260 migrants to El Salvador",
        "more than 260",
        "260",
        "",
        "count",
        "more_than",
        "migrants",
    ),
    (
        "the U.S. paid approximately $6 million to El Salvador to house the deportees",
        "approximately $6 million",
        "6000000",
        "USD",
        "money",
        "approx",
        "",
    ),
    (
        "Salvadoran authorities say 137 of the migrants had suspected links",
        "137",
        "137",
        "",
        "count",
        "exact",
        "migrants",
    ),
    (
        "while another 101 Venezuelans were transferred without clear criminal charges",
        "101",
        "101",
        "",
        "count",
        "exact",
        "Venezuelans",
    ),
    ("A smaller group of 23 were Salvadoran gang members.", "23", "23", "", "count", "exact", "group"),
    ("it spans 57 acres and is designed", "57 acres", "57", "acre", "quantity", "exact", ""),
    ("and is designed to hold up to 40,000 inmates.", "up to 40,000", "40000", "", "count", "up_to", "inmates"),
    (
        "which has led to more than 84,000 arrests and made him",
        "more than 84,000",
        "84000",
        "",
        "count",
        "more_than",
        "arrests",
    ),
    ("Official figures claim 14,500 inmates were housed there", "14,500", "14500", "", "count", "exact", "inmates"),
    (
        "human rights organisations report thousands of abuses, including torture",
        "thousands",
        "1000",
        "",
        "count",
        "vague",
        "abuses",
    ),
    ("including torture and over 360 deaths in custody", "over 360", "360", "", "count", "more_than", "deaths"),
    (
        "prisoners were given just 0.6 square metres of space",
        "0.6 square metres",
        "0.6",
        "m2",
        "quantity",
        "exact",
        "space",
    ),
    (
        "Over 200 Venezuelans deported to El Salvador face legal limbo",
        "Over 200",
        "200",
        "",
        "count",
        "more_than",
        "Venezuelans",
    ),
    (
        "The Trump administration deported 17 alleged violent criminals tied to the gang",
        "17",
        "17",
        "",
        "count",
        "exact",
        "criminals",
    ),
    (
        "shared dramatic footage of hundreds of alleged migrant criminals arriving",
        "hundreds",
        "100",
        "",
        "count",
        "vague",
        "criminals",
    ),
    // --- seed 004
    ("US pays El Salvador $6mn to house Venezuelan gang members", "$6mn", "6000000", "USD", "money", "exact", ""),
    (
        "El Salvador has received 238 alleged members of Venezuela's Tren de Aragua gang",
        "238",
        "238",
        "",
        "count",
        "exact",
        "members",
    ),
    ("and 23 MS-13 members from the United States", "23", "23", "", "count", "exact", "members"),
    ("The US will pay El Salvador $6mn to imprison people", "$6mn", "6000000", "USD", "money", "exact", ""),
    (
        "to imprison approximately 300 individuals with renewal options",
        "approximately 300",
        "300",
        "",
        "count",
        "approx",
        "individuals",
    ),
    ("to imprison them for one year, with renewal options", "one year", "1", "year", "duration", "exact", ""),
    ("facing a public debt of $31bn, this represents", "$31bn", "31000000000", "USD", "money", "exact", "debt"),
    ("(82% of its GDP)", "82%", "82", "%", "percent", "exact", "GDP"),
    (
        "housing each prisoner will cost around $20,000 per year.",
        "around $20,000 per year",
        "20000",
        "USD",
        "money",
        "approx",
        "",
    ),
    (
        "a US State Department document indicates that $15mn may be allocated",
        "$15mn",
        "15000000",
        "USD",
        "money",
        "exact",
        "",
    ),
    ("The CECOT, a $70mn facility opened in 2023", "$70mn", "70000000", "USD", "money", "exact", "facility"),
    ("with a capacity for 40,000 inmates, stands at the centre", "40,000", "40000", "", "count", "exact", "inmates"),
    (
        "annual expenditure on correctional facilities reaches $80.7bn for public institutions",
        "$80.7bn",
        "80700000000",
        "USD",
        "money",
        "exact",
        "",
    ),
    ("and $3.9bn for private facilities", "$3.9bn", "3900000000", "USD", "money", "exact", ""),
    ("The organisation has documented 261 deaths in Salvadoran prisons", "261", "261", "", "count", "exact", "deaths"),
    (
        "in Fremont County, Colorado, where 13 maximum-security prisons have created",
        "13",
        "13",
        "",
        "count",
        "exact",
        "prisons",
    ),
    // --- digits, separators, decimals
    ("they arrested 5 people", "5", "5", "", "count", "exact", "people"),
    ("a total of 1,234,567 votes", "1,234,567", "1234567", "", "count", "exact", "votes"),
    ("some 12000 people", "some 12000", "12000", "", "count", "approx", "people"),
    ("a score of 3.75 points", "3.75", "3.75", "", "count", "exact", "points"),
    ("grew by 0.25 points", "0.25", "0.25", "", "count", "exact", "points"),
    ("exactly 1,000.50 dollars", "1,000.50 dollars", "1000.5", "USD", "money", "exact", ""),
    ("about 999 cases", "about 999", "999", "", "count", "approx", "cases"),
    ("999 cases were filed", "999", "999", "", "count", "exact", "cases"),
    // --- scale words and suffixes
    ("the city of 2.5 million residents", "2.5 million", "2500000", "", "count", "exact", "residents"),
    ("a budget of $1.2 trillion", "$1.2 trillion", "1200000000000", "USD", "money", "exact", "budget"),
    ("a $4.5bn loan", "$4.5bn", "4500000000", "USD", "money", "exact", "loan"),
    ("a $2tn economy", "$2tn", "2000000000000", "USD", "money", "exact", "economy"),
    ("the £3m contract", "£3m", "3000000", "GBP", "money", "exact", "contract"),
    ("a €750k grant", "€750k", "750000", "EUR", "money", "exact", "grant"),
    ("€1.5 billion in aid", "€1.5 billion", "1500000000", "EUR", "money", "exact", ""),
    ("US$2.3bn in loans", "US$2.3bn", "2300000000", "USD", "money", "exact", ""),
    ("USD 400 million for roads", "USD 400 million", "400000000", "USD", "money", "exact", ""),
    ("400 million USD for roads", "400 million USD", "400000000", "USD", "money", "exact", ""),
    ("5 billion euros in subsidies", "5 billion euros", "5000000000", "EUR", "money", "exact", ""),
    ("20 dollars a day", "20 dollars a day", "20", "USD", "money", "exact", ""),
    ("50 pounds sterling", "50 pounds sterling", "50", "GBP", "money", "exact", ""),
    ("it raised 10 million pounds", "10 million pounds", "10000000", "GBP", "money", "exact", ""),
    ("about 6m people", "about 6m", "6000000", "", "count", "approx", "people"),
    ("a $6 million deal", "$6 million", "6000000", "USD", "money", "exact", "deal"),
    ("the deal was worth $80.7bn", "$80.7bn", "80700000000", "USD", "money", "exact", ""),
    ("$0.5mn in fees", "$0.5mn", "500000", "USD", "money", "exact", ""),
    ("C$40 million in aid", "C$40 million", "40000000", "CAD", "money", "exact", ""),
    ("a ¥300 fee", "¥300", "300", "JPY", "money", "exact", "fee"),
    ("earns $5 annually", "$5 annually", "5", "USD", "money", "exact", ""),
    ("$2,025 in fines", "$2,025", "2025", "USD", "money", "exact", ""),
    ("a $2025 fine", "$2025", "2025", "USD", "money", "exact", "fine"),
    // --- spelled-out numbers
    ("twenty-three people died", "twenty-three", "23", "", "count", "exact", "people"),
    ("twenty three people died", "twenty three", "23", "", "count", "exact", "people"),
    ("one hundred and five soldiers", "one hundred and five", "105", "", "count", "exact", "soldiers"),
    ("two million refugees", "two million", "2000000", "", "count", "exact", "refugees"),
    ("nine hundred ninety-nine flights", "nine hundred ninety-nine", "999", "", "count", "exact", "flights"),
    ("a dozen journalists", "a dozen", "12", "", "count", "exact", "journalists"),
    ("two dozen eggs", "two dozen", "24", "", "count", "exact", "eggs"),
    ("a million dollars", "a million dollars", "1000000", "USD", "money", "exact", ""),
    ("half a million people", "half a million", "500000", "", "count", "exact", "people"),
    ("one and a half million people", "one and a half million", "1500000", "", "count", "exact", "people"),
    ("Three officers were injured", "Three", "3", "", "count", "exact", "officers"),
    ("the two countries signed", "two", "2", "", "count", "exact", "countries"),
    ("seven families", "seven", "7", "", "count", "exact", "families"),
    ("nearly forty percent", "nearly forty percent", "40", "%", "percent", "approx", ""),
    ("one million barrels", "one million barrels", "1000000", "bbl", "quantity", "exact", ""),
    ("ten thousand protesters", "ten thousand", "10000", "", "count", "exact", "protesters"),
    // --- vague plurals
    ("thousands of people fled", "thousands", "1000", "", "count", "vague", "people"),
    ("tens of thousands of protesters", "tens of thousands", "10000", "", "count", "vague", "protesters"),
    ("hundreds of thousands of refugees", "hundreds of thousands", "100000", "", "count", "vague", "refugees"),
    ("dozens of journalists", "dozens", "12", "", "count", "vague", "journalists"),
    ("millions of dollars in aid", "millions of dollars", "1000000", "USD", "money", "vague", ""),
    ("a few thousand troops", "a few thousand", "1000", "", "count", "vague", "troops"),
    ("several thousand people", "several thousand", "1000", "", "count", "vague", "people"),
    // --- percentages
    ("82% of its GDP", "82%", "82", "%", "percent", "exact", "GDP"),
    ("82 per cent of voters", "82 per cent", "82", "%", "percent", "exact", "voters"),
    ("82 percent of voters", "82 percent", "82", "%", "percent", "exact", "voters"),
    ("rose 3.5 percentage points", "3.5 percentage points", "3.5", "pp", "percent", "exact", ""),
    ("almost 50 % turnout", "almost 50 %", "50", "%", "percent", "approx", ""),
    ("less than 1% of cases", "less than 1%", "1", "%", "percent", "less_than", "cases"),
    // --- rates
    ("a rate of 38 per 100,000 people", "38 per 100,000", "38", "per 100,000", "rate", "exact", "people"),
    ("5 per day", "5 per day", "5", "per day", "rate", "exact", ""),
    ("2 per 1,000 births", "2 per 1,000", "2", "per 1,000", "rate", "exact", "births"),
    ("12 per capita", "12 per capita", "12", "per capita", "rate", "exact", ""),
    ("$20,000 per year", "$20,000 per year", "20000", "USD", "money", "exact", ""),
    ("a speed of 90 km per hour", "90 km per hour", "90", "km per hour", "rate", "exact", ""),
    // --- quantities
    ("72 kilometers east", "72 kilometers", "72", "km", "quantity", "exact", ""),
    ("a 10km walk", "10km", "10", "km", "quantity", "exact", ""),
    ("57 acres of land", "57 acres", "57", "acre", "quantity", "exact", "land"),
    ("a 57-acre site", "57-acre", "57", "acre", "quantity", "exact", ""),
    ("0.6 square metres", "0.6 square metres", "0.6", "m2", "quantity", "exact", ""),
    ("0.6 square meters", "0.6 square meters", "0.6", "m2", "quantity", "exact", ""),
    ("a 3 m2 cell", "3 m2", "3", "m2", "quantity", "exact", ""),
    ("a 3 m² cell", "3 m²", "3", "m2", "quantity", "exact", ""),
    ("1,200 square kilometres", "1,200 square kilometres", "1200", "km2", "quantity", "exact", ""),
    ("20 kg of cocaine", "20 kg", "20", "kg", "quantity", "exact", "cocaine"),
    ("20 kilograms of cocaine", "20 kilograms", "20", "kg", "quantity", "exact", "cocaine"),
    ("3 tonnes of rice", "3 tonnes", "3", "t", "quantity", "exact", "rice"),
    ("3 metric tons of rice", "3 metric tons", "3", "t", "quantity", "exact", "rice"),
    ("to the 20-yard line", "20-yard", "20", "yd", "quantity", "exact", ""),
    ("12 miles away", "12 miles", "12", "mi", "quantity", "exact", ""),
    ("50 pounds of cocaine", "50 pounds", "50", "lb", "quantity", "exact", "cocaine"),
    ("30 feet high", "30 feet", "30", "ft", "quantity", "exact", ""),
    ("500 hectares", "500 hectares", "500", "ha", "quantity", "exact", ""),
    ("100 litres of water", "100 litres", "100", "l", "quantity", "exact", "water"),
    ("a 1500 km border", "1500 km", "1500", "km", "quantity", "exact", ""),
    // --- durations
    ("sentenced to 30 years in prison", "30 years", "30", "year", "duration", "exact", ""),
    ("for six months", "six months", "6", "month", "duration", "exact", ""),
    ("a 90-day review", "90-day", "90", "day", "duration", "exact", "review"),
    ("for one day only", "one day", "1", "day", "duration", "exact", ""),
    ("two weeks of talks", "two weeks", "2", "week", "duration", "exact", "talks"),
    ("the $400-million deal", "$400-million", "400000000", "USD", "money", "exact", "deal"),
    ("a quarter of a million dollars", "a quarter of a million dollars", "250000", "USD", "money", "exact", ""),
    ("three quarters of a million people", "three quarters of a million", "750000", "", "count", "exact", "people"),
    ("he weighs 236 pounds, which", "236 pounds", "236", "lb", "quantity", "exact", ""),
    ("handed over millions of dollars", "millions of dollars", "1000000", "USD", "money", "vague", ""),
    ("nearly two decades", "nearly two decades", "2", "decade", "duration", "approx", ""),
    ("48 hours", "48 hours", "48", "hour", "duration", "exact", ""),
    // --- qualifiers
    ("approximately 300 people", "approximately 300", "300", "", "count", "approx", "people"),
    ("around 300 people", "around 300", "300", "", "count", "approx", "people"),
    ("nearly 300 people", "nearly 300", "300", "", "count", "approx", "people"),
    ("almost 300 people", "almost 300", "300", "", "count", "approx", "people"),
    ("roughly 300 people", "roughly 300", "300", "", "count", "approx", "people"),
    ("an estimated 300 people", "an estimated 300", "300", "", "count", "approx", "people"),
    ("over 300 people", "over 300", "300", "", "count", "more_than", "people"),
    ("just over 300 people", "just over 300", "300", "", "count", "more_than", "people"),
    ("fewer than 300 people", "fewer than 300", "300", "", "count", "less_than", "people"),
    ("less than $300", "less than $300", "300", "USD", "money", "less_than", ""),
    ("under 300 people", "under 300", "300", "", "count", "less_than", "people"),
    ("up to 300 people", "up to 300", "300", "", "count", "up_to", "people"),
    ("as many as 300 people", "as many as 300", "300", "", "count", "up_to", "people"),
    ("at least 300 people", "at least 300", "300", "", "count", "at_least", "people"),
    ("no fewer than 300 people", "no fewer than 300", "300", "", "count", "at_least", "people"),
    ("300 or more people", "300 or more", "300", "", "count", "at_least", "people"),
    ("in excess of $5bn", "in excess of $5bn", "5000000000", "USD", "money", "more_than", ""),
    // --- ranges: value is the lower bound, span covers the range
    ("between 20 and 30 people", "between 20 and 30", "20", "", "count", "exact", "people"),
    ("20-30 people", "20-30", "20", "", "count", "exact", "people"),
    ("20 to 30 people", "20 to 30", "20", "", "count", "exact", "people"),
    ("20–30%", "20–30%", "20", "%", "percent", "exact", ""),
    ("$20-$30 million", "$20-$30 million", "20000000", "USD", "money", "exact", ""),
    ("20 to 30 million people", "20 to 30 million", "20000000", "", "count", "exact", "people"),
    ("two to three years", "two to three years", "2", "year", "duration", "exact", ""),
    ("between $5 million and $7 million", "between $5 million and $7 million", "5000000", "USD", "money", "exact", ""),
    ("10% to 15% of voters", "10% to 15%", "10", "%", "percent", "exact", "voters"),
    // --- ratios, glued qualifiers, hyphenated counts
    ("1 in 4 residents", "1 in 4", "1", "in 4", "rate", "exact", "residents"),
    ("nine of 10 limes", "nine of 10", "9", "of 10", "rate", "exact", "limes"),
    ("about one of every nine voters", "about one of every nine", "1", "of every nine", "rate", "approx", "voters"),
    ("eight out of 10 voters", "eight out of 10", "8", "out of 10", "rate", "exact", "voters"),
    ("a 46-page report", "46-page", "46", "", "count", "exact", "page"),
    ("for 15-plus years", "15-plus years", "15", "year", "duration", "at_least", ""),
    ("a 40,000-plus crowd", "40,000-plus", "40000", "", "count", "at_least", "crowd"),
    // --- multibyte and punctuation around figures
    ("“More than 250 Venezuelans,” he said", "More than 250", "250", "", "count", "more_than", "Venezuelans"),
    ("(approximately 40,000)", "approximately 40,000", "40000", "", "count", "approx", ""),
    ("costs €6\u{a0}million", "€6\u{a0}million", "6000000", "EUR", "money", "exact", ""),
    ("café owners paid £12,500.", "£12,500", "12500", "GBP", "money", "exact", ""),
    // === issue 19: figures beyond the seeds
    // --- currencies by name, with nationality, by symbol before or after, by code
    ("it pledged 528 million francs in aid", "528 million francs", "528000000", "CHF", "money", "exact", ""),
    ("it pledged 40 million Swiss francs in aid", "40 million Swiss francs", "40000000", "CHF", "money", "exact", ""),
    ("a loan of 2 million French francs", "2 million French francs", "2000000", "FRF", "money", "exact", "loan"),
    ("China spent 100 billion yuan on roads", "100 billion yuan", "100000000000", "CNY", "money", "exact", ""),
    ("a fund of 2 billion renminbi", "2 billion renminbi", "2000000000", "CNY", "money", "exact", "fund"),
    ("a ¥3,000 ticket", "¥3,000", "3000", "JPY", "money", "exact", "ticket"),
    ("it costs 3,000 yen per night", "3,000 yen", "3000", "JPY", "money", "exact", ""),
    (
        "the deal was worth 125 million Australian dollars",
        "125 million Australian dollars",
        "125000000",
        "AUD",
        "money",
        "exact",
        "",
    ),
    ("raised 90 million Canadian dollars", "90 million Canadian dollars", "90000000", "CAD", "money", "exact", ""),
    ("a A$100 fine", "A$100", "100", "AUD", "money", "exact", "fine"),
    ("tickets cost HK$500", "HK$500", "500", "HKD", "money", "exact", ""),
    ("a NZ$20 fee", "NZ$20", "20", "NZD", "money", "exact", "fee"),
    ("a S$1.2bn project", "S$1.2bn", "1200000000", "SGD", "money", "exact", "project"),
    ("it cost NT$300", "NT$300", "300", "TWD", "money", "exact", ""),
    ("it costs 10 $ here", "10 $", "10", "USD", "money", "exact", ""),
    ("it costs 10 € here", "10 €", "10", "EUR", "money", "exact", ""),
    ("a 20€ ticket", "20€", "20", "EUR", "money", "exact", "ticket"),
    ("it costs € 5", "€ 5", "5", "EUR", "money", "exact", ""),
    ("a fine of 5 euro", "5 euro", "5", "EUR", "money", "exact", "fine"),
    ("a Mex$ 10 million contract", "Mex$ 10 million", "10000000", "MXN", "money", "exact", "contract"),
    ("it paid 10,000 pesos", "10,000 pesos", "10000", "MXN", "money", "exact", ""),
    ("a debt of 5 million Philippine pesos", "5 million Philippine pesos", "5000000", "PHP", "money", "exact", "debt"),
    ("Brazil set aside R$ 3 billion", "R$ 3 billion", "3000000000", "BRL", "money", "exact", ""),
    ("a fund of 12,34,567.89 rupees", "12,34,567.89 rupees", "1234567.89", "INR", "money", "exact", "fund"),
    ("a fund of ₹12,34,567", "₹12,34,567", "1234567", "INR", "money", "exact", "fund"),
    ("a fee of Rs 500", "Rs 500", "500", "INR", "money", "exact", "fee"),
    ("a fee of Rs. 500", "Rs. 500", "500", "INR", "money", "exact", "fee"),
    ("a fee of 500 rupees", "500 rupees", "500", "INR", "money", "exact", "fee"),
    ("a budget of 30 MUSD", "30 MUSD", "30000000", "USD", "money", "exact", "budget"),
    ("a budget of 75 USD million", "75 USD million", "75000000", "USD", "money", "exact", "budget"),
    ("a budget of USD 5 million", "USD 5 million", "5000000", "USD", "money", "exact", "budget"),
    ("a budget of 5 million USD", "5 million USD", "5000000", "USD", "money", "exact", "budget"),
    ("a budget of EUR 40m", "EUR 40m", "40000000", "EUR", "money", "exact", "budget"),
    ("a market worth $2.174T", "$2.174T", "2174000000000", "USD", "money", "exact", ""),
    ("a grant of half a million US dollars", "half a million US dollars", "500000", "USD", "money", "exact", "grant"),
    ("it cost a quarter million dollars", "a quarter million dollars", "250000", "USD", "money", "exact", ""),
    ("bonds worth CHF 40 million", "CHF 40 million", "40000000", "CHF", "money", "exact", ""),
    ("it sold for 300 kr", "300 kr", "300", "SEK", "money", "exact", ""),
    ("a ₩5,000 fare", "₩5,000", "5000", "KRW", "money", "exact", "fare"),
    ("spent 1 billion won on chips", "1 billion won", "1000000000", "KRW", "money", "exact", ""),
    ("a ₽100 fine", "₽100", "100", "RUB", "money", "exact", "fine"),
    ("1.5 billion roubles in debt", "1.5 billion roubles", "1500000000", "RUB", "money", "exact", ""),
    ("a ₺50 fee", "₺50", "50", "TRY", "money", "exact", "fee"),
    ("600 million Danish kroner in fines", "600 million Danish kroner", "600000000", "DKK", "money", "exact", ""),
    ("400 million Norwegian crowns in aid", "400 million Norwegian crowns", "400000000", "NOK", "money", "exact", ""),
    ("SEK 2 billion in loans", "SEK 2 billion", "2000000000", "SEK", "money", "exact", ""),
    ("it raised 50 million rand", "50 million rand", "50000000", "ZAR", "money", "exact", ""),
    ("2 trillion rupiah in subsidies", "2 trillion rupiah", "2000000000000", "IDR", "money", "exact", ""),
    ("a 5,000 naira fine", "5,000 naira", "5000", "NGN", "money", "exact", "fine"),
    ("10 million shekels in damages", "10 million shekels", "10000000", "ILS", "money", "exact", ""),
    ("200 million zlotys in aid", "200 million zlotys", "200000000", "PLN", "money", "exact", ""),
    ("10 million Deutsche marks in aid", "10 million Deutsche marks", "10000000", "DEM", "money", "exact", ""),
    ("a loan of 5 million marks", "5 million marks", "5000000", "DEM", "money", "exact", "loan"),
    ("a 1,000 Kuwaiti dinar bond", "1,000 Kuwaiti dinar", "1000", "KWD", "money", "exact", "bond"),
    ("3 million pounds sterling in fees", "3 million pounds sterling", "3000000", "GBP", "money", "exact", ""),
    ("a budget of ¥1 trillion", "¥1 trillion", "1000000000000", "JPY", "money", "exact", "budget"),
    ("the fine of €2.5bn", "€2.5bn", "2500000000", "EUR", "money", "exact", "fine"),
    ("he earns 20 million euros", "20 million euros", "20000000", "EUR", "money", "exact", ""),
    // --- minor units: cents, pence, paise
    ("it costs 50 cents", "50 cents", "0.5", "USD", "money", "exact", ""),
    ("it costs 99 cents", "99 cents", "0.99", "USD", "money", "exact", ""),
    ("a 1 cent rise", "1 cent", "0.01", "USD", "money", "exact", "rise"),
    ("shares closed at 470 pence", "470 pence", "4.7", "GBP", "money", "exact", ""),
    ("shares closed at 470p", "470p", "4.7", "GBP", "money", "exact", ""),
    ("a 20p charge", "20p", "0.2", "GBP", "money", "exact", "charge"),
    ("a 12-cent-a-share dividend", "12-cent", "0.12", "USD", "money", "exact", ""),
    ("a rise of 5 euro cents", "5 euro cents", "0.05", "EUR", "money", "exact", "rise"),
    ("a charge of 50 paise", "50 paise", "0.5", "INR", "money", "exact", "charge"),
    ("it costs 10 kopecks", "10 kopecks", "0.1", "RUB", "money", "exact", ""),
    // --- pounds of weight
    ("he wants to drop 25 pounds", "25 pounds", "25", "lb", "quantity", "exact", ""),
    ("she carried a twenty pound bag", "twenty pound", "20", "lb", "quantity", "exact", ""),
    ("she carried a 20-pound bag", "20-pound", "20", "lb", "quantity", "exact", ""),
    ("he lost 40 pounds last year", "40 pounds", "40", "lb", "quantity", "exact", ""),
    ("he weighed 300 pounds", "300 pounds", "300", "lb", "quantity", "exact", ""),
    ("she gained 15 pounds", "15 pounds", "15", "lb", "quantity", "exact", ""),
    ("a 10 pound turkey", "10 pound", "10", "lb", "quantity", "exact", ""),
    ("he paid 25 pounds for it", "25 pounds", "25", "GBP", "money", "exact", ""),
    ("a 20 pound note", "20 pound", "20", "GBP", "money", "exact", "note"),
    ("he lost 10 million pounds on the deal", "10 million pounds", "10000000", "GBP", "money", "exact", ""),
    // --- units: abbreviations and spellings, glued or spaced, compound units
    ("5 ounces of gold", "5 ounces", "5", "oz", "quantity", "exact", "gold"),
    ("12 oz of coffee", "12 oz", "12", "oz", "quantity", "exact", "coffee"),
    ("100 cubic feet of gas", "100 cubic feet", "100", "ft3", "quantity", "exact", "gas"),
    ("3 cubic metres of soil", "3 cubic metres", "3", "m3", "quantity", "exact", "soil"),
    ("a 40 m³ tank", "40 m³", "40", "m3", "quantity", "exact", ""),
    ("a dose of 5 mg", "5 mg", "5", "mg", "quantity", "exact", "dose"),
    ("a 5mg dose", "5mg", "5", "mg", "quantity", "exact", ""),
    ("250 ml of milk", "250 ml", "250", "ml", "quantity", "exact", "milk"),
    ("a 250ml bottle", "250ml", "250", "ml", "quantity", "exact", ""),
    ("a 75 cl bottle", "75 cl", "75", "cl", "quantity", "exact", ""),
    ("a 75cl bottle", "75cl", "75", "cl", "quantity", "exact", ""),
    ("the screen is 12in.", "12in", "12", "in", "quantity", "exact", ""),
    ("a pipe 2 1/2 in.", "2 1/2 in", "2.5", "in", "quantity", "exact", ""),
    ("an area of 10 sq mi", "10 sq mi", "10", "mi2", "quantity", "exact", "area"),
    ("a 500 sq ft flat", "500 sq ft", "500", "ft2", "quantity", "exact", ""),
    ("a 2,000-square-foot house", "2,000-square-foot", "2000", "ft2", "quantity", "exact", ""),
    ("it took 3 hrs", "3 hrs", "3", "hour", "duration", "exact", ""),
    ("it took 3hrs", "3hrs", "3", "hour", "duration", "exact", ""),
    ("a wait of 30 mins", "30 mins", "30", "minute", "duration", "exact", "wait"),
    ("he walked 10 1/2 miles", "10 1/2 miles", "10.5", "mi", "quantity", "exact", ""),
    ("a ½ mile walk", "½ mile", "0.5", "mi", "quantity", "exact", ""),
    ("it took 1½ hours", "1½ hours", "1.5", "hour", "duration", "exact", ""),
    ("a 3¼ inch nail", "3¼ inch", "3.25", "in", "quantity", "exact", ""),
    ("winds of 100 km/h", "100 km/h", "100", "km/h", "quantity", "exact", "winds"),
    ("a limit of 60 mph", "60 mph", "60", "mph", "quantity", "exact", "limit"),
    ("winds of 30 knots", "30 knots", "30", "kn", "quantity", "exact", "winds"),
    ("it uses 5 kWh a day", "5 kWh", "5", "kWh", "quantity", "exact", ""),
    ("a 100 kW engine", "100 kW", "100", "kW", "quantity", "exact", ""),
    ("a 2.5 GW plant", "2.5 GW", "2.5", "GW", "quantity", "exact", ""),
    ("it reached 20°C", "20°C", "20", "°C", "quantity", "exact", ""),
    ("a 16 GB phone", "16 GB", "16", "GB", "quantity", "exact", ""),
    ("250 calories a day", "250 calories", "250", "kcal", "quantity", "exact", ""),
    ("10 nautical miles offshore", "10 nautical miles", "10", "nmi", "quantity", "exact", ""),
    ("a 5-mile run", "5-mile", "5", "mi", "quantity", "exact", ""),
    ("8 fl oz of water", "8 fl oz", "8", "floz", "quantity", "exact", "water"),
    ("2 gallons of water", "2 gallons", "2", "gal", "quantity", "exact", "water"),
    // --- `m`: million in money and count context, metres after height and distance words
    ("he is 1.8m tall", "1.8m", "1.8", "m", "quantity", "exact", ""),
    ("he won the 100m sprint", "100m", "100", "m", "quantity", "exact", ""),
    ("a wall 3 m high", "3 m", "3", "m", "quantity", "exact", ""),
    ("a height of 2.5m.", "2.5m", "2.5", "m", "quantity", "exact", "height"),
    ("£6m for the club", "£6m", "6000000", "GBP", "money", "exact", ""),
    ("6m voters", "6m", "6000000", "", "count", "exact", "voters"),
    // --- ranges: one figure at the lower bound
    ("an 8- to 16-meter wall", "8- to 16-meter", "8", "m", "quantity", "exact", ""),
    ("1000 - 5000 people", "1000 - 5000", "1000", "", "count", "exact", "people"),
    ("1000-5000 people", "1000-5000", "1000", "", "count", "exact", "people"),
    ("between 100 and 1000 liters", "between 100 and 1000 liters", "100", "l", "quantity", "exact", ""),
    ("between 1000 and 1500 liters", "between 1000 and 1500 liters", "1000", "l", "quantity", "exact", ""),
    ("5 to 10 km away", "5 to 10 km", "5", "km", "quantity", "exact", ""),
    ("10–20 kg of rice", "10–20 kg", "10", "kg", "quantity", "exact", "rice"),
    // --- space- and thin-space-grouped thousands
    ("10 000 dollars", "10 000 dollars", "10000", "USD", "money", "exact", ""),
    ("a population of 1 414 021 100 people", "1 414 021 100", "1414021100", "", "count", "exact", "people"),
    ("10\u{2009}000 people", "10\u{2009}000", "10000", "", "count", "exact", "people"),
    ("€10\u{a0}000 in cash", "€10\u{a0}000", "10000", "EUR", "money", "exact", ""),
    ("250 000 barrels a day", "250 000 barrels", "250000", "bbl", "quantity", "exact", ""),
    // --- signs and compound spelled numbers
    ("growth of minus five percent", "minus five percent", "-5", "%", "percent", "exact", "growth"),
    ("growth of −3.5%", "−3.5%", "-3.5", "%", "percent", "exact", "growth"),
    ("growth of negative 2 percent", "negative 2 percent", "-2", "%", "percent", "exact", "growth"),
    ("a low of -5 °C", "-5 °C", "-5", "°C", "quantity", "exact", "low"),
    ("a hundred and two people", "a hundred and two", "102", "", "count", "exact", "people"),
    ("a thousand and fifty people", "a thousand and fifty", "1050", "", "count", "exact", "people"),
    ("two hundred thousand people", "two hundred thousand", "200000", "", "count", "exact", "people"),
    ("he got 3 marks", "3", "3", "", "count", "exact", "marks"),
    ("he passed the 1,237 mark", "1,237", "1237", "", "count", "exact", "mark"),
    ("he served 5 ½ years", "5 ½ years", "5.5", "year", "duration", "exact", ""),
    ("a margin of plus or minus 3.4 percentage points", "3.4 percentage points", "3.4", "pp", "percent", "exact", ""),
    ("she is at minus 40 among men", "minus 40", "-40", "", "count", "exact", ""),
    ("a negative 42%-49% rating", "42%-49%", "42", "%", "percent", "exact", ""),
    ("a 10km2 park", "10km2", "10", "km2", "quantity", "exact", ""),
    ("a £1.2m bonus", "£1.2m", "1200000", "GBP", "money", "exact", "bonus"),
    ("a ₹500 note", "₹500", "500", "INR", "money", "exact", "note"),
    ("it took 3 yrs", "3 yrs", "3", "year", "duration", "exact", ""),
    ("a 40-ton truck", "40-ton", "40", "t", "quantity", "exact", ""),
    ("it weighs 5 lbs", "5 lbs", "5", "lb", "quantity", "exact", ""),
    ("a 6 ft fence", "6 ft", "6", "ft", "quantity", "exact", ""),
    ("the 2 1/2 mile route", "2 1/2 mile", "2.5", "mi", "quantity", "exact", ""),
    ("a 3/4 mile loop", "3/4 mile", "0.75", "mi", "quantity", "exact", ""),
    // --- numbers beside addresses are still figures
    ("see www.example.com/page about 300 people", "about 300", "300", "", "count", "approx", "people"),
];

#[test]
fn table_of_phrases() {
    assert!(CASES.len() >= 150, "only {} cases", CASES.len());
    let mut failures = Vec::new();
    for &(input, text, value, unit, kind, qual, subj) in CASES {
        let found = extract_text(input);
        let got: Vec<_> = found
            .iter()
            .map(|f| {
                (
                    f.span.text(input),
                    f.value.as_str(),
                    f.unit.as_str(),
                    f.kind.as_str(),
                    f.qualifier.as_str(),
                    f.subject.as_str(),
                )
            })
            .collect();
        let want = vec![(text, value, unit, kind, qual, subj)];
        if got != want {
            failures.push(format!("{input:?}\n   want {want:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Inputs that hold no figure at all, one group per exclusion.
const NEGATIVE: &[&str] = &[
    // dates
    "on March 16 and March 31",
    "on April 4, 2025.",
    "on 16 March",
    "By Alek Buttermann March 17, 2025",
    "[See: PLN, Mar. 2025, p.45.]",
    "since March 2022",
    "on May 5",
    "on 16/03/2025",
    "on 2025-03-16",
    // years
    "the Alien Enemies Act of 1798",
    "Opened in 2023",
    "A 2024 report by the commission",
    "in 2025",
    "after his 2019 election",
    "the 1990s",
    "from 2019 to 2024",
    // times
    "15:30",
    "at 3 p.m. on Monday",
    "at 3pm",
    "at 10 a.m.",
    "at 9 o'clock",
    "23:55",
    // ordinals
    "the 18th century law",
    "an 18th-century wartime law",
    "the first time",
    "the third day",
    "the 2nd round",
    // page and section numbers
    "see p.45",
    "page 12",
    "pp. 4-5",
    "Section 8 of the law",
    "No. 5 on the list",
    "Article 5 applies",
    // names
    "MS-13 members",
    "World War II",
    "COVID-19 cases",
    "the G7 summit",
    "Title 42 expulsions",
    "a Boeing 737",
    "F-16 jets",
    "Formula One",
    // phone numbers
    "call 555-1234",
    "call (202) 555-0100",
    "call +1 202 555 0100",
    "call 202.555.0100",
    // pronoun-like one
    "one of the world’s largest prisons",
    "no one was hurt",
    "One political prisoner told",
    "one relative said",
    "One day, he left",
    "they help one another",
    // ages, identifiers, heights, fractions, scores
    "Quina Jones, 25, said",
    "at age 12",
    "aged 30",
    "<tweet tweet-id=\"783491630540001280\">",
    "timestamp 1474387200",
    "at three o’clock in the morning",
    "Trump is 6'3\" tall",
    "two-thirds of voters",
    "a 5-5 ruling",
    "voted 19-15",
    "a 911 caller",
    "Deficit to Reverse Course in ’16",
    "between the ages of 17",
    "Crutcher, 40 ― a father",
    "a two-way race",
    "on Zero Hedge",
    "a 30-year-old man",
    "If you're 80 years old",
    "the 68-year-old candidate",
    // URLs, e-mail addresses, hashtags, handles and markup
    "see https://example.com/report?year=2016&n=30",
    "search?q=30%25%2020%",
    "mail john5@example.com",
    "#Vote2016 trends",
    "@Fred_945.",
    "<a href=\"page5.html\">",
    "www.site.org/50-percent",
    "it&#8217;s",
    "visit bit.ly/3xYz12 now",
    "(https://t.co/5Xy20Ab)",
    "9L15 p.m.",
    // not numbers at all
    "Some inmates could be seen",
    "about an hour’s drive",
    "over the weekend",
    "up to the courts",
];

#[test]
fn exclusions_yield_nothing() {
    let mut failures = Vec::new();
    for &input in NEGATIVE {
        let found = extract_text(input);
        if !found.is_empty() {
            let got: Vec<_> = found.iter().map(|f| (f.span.text(input), f.value.clone())).collect();
            failures.push(format!("{input:?} -> {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} false figures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn figures_beside_exclusions_survive() {
    let s = "On March 16, 2025, 238 alleged members and 23 MS-13 members arrived at 15:30.";
    let got: Vec<_> = extract_text(s).iter().map(|f| (f.span.text(s).to_string(), f.value.clone())).collect();
    assert_eq!(got, [("238".to_string(), "238".to_string()), ("23".to_string(), "23".to_string())]);
    let s = "fell from 38 per 100,000, one of the world’s highest in 2019, to just 1.9 per 100,000 five years later";
    let got: Vec<_> = extract_text(s).iter().map(|f| (f.span.text(s).to_string(), f.kind)).collect();
    assert_eq!(
        got,
        [
            ("38 per 100,000".to_string(), FigureKind::Rate),
            ("1.9 per 100,000".to_string(), FigureKind::Rate),
            ("five years".to_string(), FigureKind::Duration)
        ]
    );
}

#[test]
fn extract_uses_only_extractable_sentences_and_shifts_spans() {
    use crate::doc::{Paragraph, Sentence};
    let text = "Sign up for 3 newsletters.\n\nEl Salvador got $6mn. It holds 40,000 inmates.".to_string();
    let p2 = text.find("El").unwrap();
    let s3 = text.find("It holds").unwrap();
    let doc = Analysed {
        paragraphs: vec![
            Paragraph { span: Span::new(0, 26), extract: false },
            Paragraph { span: Span::new(p2, text.len()), extract: true },
        ],
        sentences: vec![
            Sentence { span: Span::new(0, 26), paragraph: 0 },
            Sentence { span: Span::new(p2, s3 - 1), paragraph: 1 },
            Sentence { span: Span::new(s3, text.len()), paragraph: 1 },
        ],
        entities: vec![],
        cue_words: None,
        roles: None,
        text,
    };
    let figs = extract(&doc);
    let got: Vec<_> = figs.iter().map(|f| (f.span.text(&doc.text), f.value.as_str(), f.kind)).collect();
    assert_eq!(got, [("$6mn", "6000000", FigureKind::Money), ("40,000", "40000", FigureKind::Count)]);
    assert_eq!(figs[0].qualifier, Qualifier::Exact);
    assert_eq!(figs[0].span.start, doc.text.find('$').unwrap());
}

/// Seed figures `(text, value)` per document, as this extractor finds them, line by line.
/// Skips, saying so, when `../shared/seeds` is absent.
#[test]
fn seed_articles() {
    let Some(dir) = crate::testdata::shared("seeds") else { return };
    let expected: &[(&str, &[(&str, &str)])] = &[
        (
            "000_539f1dc83d85f2f8",
            &[
                ("$6mn", "6000000"),
                ("hundreds", "100"),
                ("Hundreds", "100"),
                ("more than 250", "250"),
                ("$6 million", "6000000"),
                ("up to 40,000", "40000"),
                ("more than 250", "250"),
                ("23", "23"),
                ("137", "137"),
                ("137", "137"),
                ("30", "30"),
                ("$6 million", "6000000"),
                ("about 18,000", "18000"),
                ("hundreds", "100"),
            ],
        ),
        (
            "001_30939fdfa42b0bd1",
            &[
                ("several hundred", "100"),
                ("just over 37,000", "37000"),
                ("more than 105,000", "105000"),
                ("three years", "3"),
                ("some 40,000", "40000"),
                ("38 per 100,000", "38"),
                ("1.9 per 100,000", "1.9"),
                ("five years", "5"),
                ("$30,000", "30000"),
                ("four-day", "4"),
            ],
        ),
        (
            "002_ec622e111cc1bb68",
            &[
                ("Hundreds", "100"),
                ("$6 million", "6000000"),
                ("three", "3"),
                ("one year", "1"),
                ("up to 40,000", "40000"),
                ("approximately 72 kilometers", "72"),
                ("up to 70", "70"),
                ("at least one", "1"),
                ("261", "261"),
                ("one-year", "1"),
            ],
        ),
        (
            "003_ae750844b2fe99ff",
            &[
                ("hundreds", "100"),
                ("70 kilometres", "70"),
                ("more than 260", "260"),
                ("approximately $6 million", "6000000"),
                ("137", "137"),
                ("101", "101"),
                ("23", "23"),
                ("57 acres", "57"),
                ("up to 40,000", "40000"),
                ("more than 84,000", "84000"),
                ("14,500", "14500"),
                ("thousands", "1000"),
                ("over 360", "360"),
                ("0.6 square metres", "0.6"),
                ("Over 200", "200"),
                ("17", "17"),
                ("hundreds", "100"),
            ],
        ),
        (
            "004_78f140d720c05095",
            &[
                ("$6mn", "6000000"),
                ("$6mn", "6000000"),
                ("238", "238"),
                ("23", "23"),
                ("$6mn", "6000000"),
                ("approximately 300", "300"),
                ("one year", "1"),
                ("$31bn", "31000000000"),
                ("82%", "82"),
                ("around $20,000 per year", "20000"),
                ("$15mn", "15000000"),
                ("$70mn", "70000000"),
                ("40,000", "40000"),
                ("$80.7bn", "80700000000"),
                ("$3.9bn", "3900000000"),
                ("261", "261"),
                ("13", "13"),
            ],
        ),
    ];
    for (doc, want) in expected {
        let Ok(text) = std::fs::read_to_string(dir.join(format!("{doc}.txt"))) else {
            eprintln!("{doc} absent: skipped");
            continue;
        };
        let got: Vec<(String, String)> = text
            .lines()
            .flat_map(|line| extract_text(line).into_iter().map(move |f| (f.span.text(line).to_string(), f.value)))
            .collect();
        let want: Vec<(String, String)> = want.iter().map(|(t, v)| (t.to_string(), v.to_string())).collect();
        assert_eq!(got, want, "{doc}");
    }
}

/// A bare `$` follows the one other dollar a text names, unless it also names the US dollar.
#[test]
fn bare_dollars_follow_the_documents_dollar() {
    let units = |s: &str| extract_text(s).into_iter().map(|f| f.unit).collect::<Vec<_>>();
    assert_eq!(units("Qantas lost A$5 million; the fine is $3 million."), ["AUD", "AUD"]);
    assert_eq!(units("It paid 5 million Australian dollars and a $2 fee."), ["AUD", "AUD"]);
    assert_eq!(units("It lost A$5 million and US$3 million; fees were $2 million."), ["AUD", "USD", "USD"]);
    assert_eq!(units("It lost A$5 million and C$3 million; fees were $2 million."), ["AUD", "CAD", "USD"]);
    assert_eq!(units("It cost $5 and 50 cents."), ["USD", "USD"]);
}

/// Several figures in one sentence: ranges do not swallow their neighbours.
#[test]
fn neighbours_of_new_forms_survive() {
    let s = "by 2030 to 32 percent below 2005 levels, from 1000-5000 people to 10 000 dollars";
    let got: Vec<_> = extract_text(s).iter().map(|f| (f.span.text(s).to_string(), f.value.clone())).collect();
    assert_eq!(
        got,
        [
            ("32 percent".to_string(), "32".to_string()),
            ("1000-5000".to_string(), "1000".to_string()),
            ("10 000 dollars".to_string(), "10000".to_string())
        ]
    );
}

// ---- property tests: format a number in a supported style, parse it back

/// Spells 2..=999 the way newspapers do (`three hundred forty-two`), independently of the parser.
fn spell(n: u32) -> String {
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let below_100 = |n: u32| -> String {
        if n < 20 {
            ONES[n as usize].to_string()
        } else if n.is_multiple_of(10) {
            TENS[(n / 10) as usize].to_string()
        } else {
            format!("{}-{}", TENS[(n / 10) as usize], ONES[(n % 10) as usize])
        }
    };
    if n < 100 {
        below_100(n)
    } else if n.is_multiple_of(100) {
        format!("{} hundred", ONES[(n / 100) as usize])
    } else {
        format!("{} hundred {}", ONES[(n / 100) as usize], below_100(n % 100))
    }
}

fn with_separators(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `a.bbb` written with `frac_digits` decimals, and its plain value with trailing zeros trimmed.
fn decimal(int: u64, frac: u32, frac_digits: usize) -> (String, String) {
    let f = format!("{:0width$}", frac, width = frac_digits);
    let written = if frac_digits == 0 { int.to_string() } else { format!("{int}.{f}") };
    let trimmed = f.trim_end_matches('0');
    let plain = if trimmed.is_empty() { int.to_string() } else { format!("{int}.{trimmed}") };
    (written, plain)
}

/// `int.frac * 10^k` as a plain string, by string arithmetic.
fn scaled(int: u64, frac: u32, frac_digits: usize, k: usize) -> String {
    let f = if frac_digits == 0 { String::new() } else { format!("{:0width$}", frac, width = frac_digits) };
    let mut digits = format!("{int}{f}");
    let point = digits.len() - f.len() + k;
    while digits.len() < point {
        digits.push('0');
    }
    let (i, fr) = digits.split_at(point);
    let i = i.trim_start_matches('0');
    let i = if i.is_empty() { "0" } else { i };
    let fr = fr.trim_end_matches('0');
    if fr.is_empty() {
        i.to_string()
    } else {
        format!("{i}.{fr}")
    }
}

fn only_value(s: &str) -> Option<String> {
    let f = extract_text(s);
    (f.len() == 1).then(|| f[0].value.clone())
}

proptest! {
    #[test]
    fn plain_digits_round_trip(n in 0u64..1_000_000_000) {
        prop_assume!(!(1000..=2100).contains(&n));
        let s = format!("they counted {n} people");
        prop_assert_eq!(only_value(&s), Some(n.to_string()));
    }

    #[test]
    fn thousands_separators_round_trip(n in 1000u64..10_000_000_000_000) {
        let s = format!("they counted {} people", with_separators(n));
        prop_assert_eq!(only_value(&s), Some(n.to_string()));
    }

    #[test]
    fn decimals_round_trip(int in 0u64..100_000, frac in 0u32..1000, digits in 1usize..4) {
        let frac = frac % 10u32.pow(digits as u32);
        let (written, plain) = decimal(int, frac, digits);
        let s = format!("a score of {written} points");
        prop_assert_eq!(only_value(&s), Some(plain));
    }

    #[test]
    fn money_suffixes_round_trip(int in 1u64..1000, frac in 0u32..1000, digits in 0usize..4, which in 0usize..4) {
        let frac = if digits == 0 { 0 } else { frac % 10u32.pow(digits as u32) };
        let (written, _) = decimal(int, frac, digits);
        let (suffix, k) = [("mn", 6), ("bn", 9), ("m", 6), ("tn", 12)][which];
        let s = format!("a ${written}{suffix} deal");
        let f = extract_text(&s);
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &scaled(int, frac, digits, k));
        prop_assert_eq!(f[0].kind, FigureKind::Money);
        prop_assert_eq!(f[0].unit.as_str(), "USD");
    }

    #[test]
    fn scale_words_round_trip(int in 1u64..1000, frac in 0u32..100, digits in 0usize..3, which in 0usize..4) {
        let frac = if digits == 0 { 0 } else { frac % 10u32.pow(digits as u32) };
        let (written, _) = decimal(int, frac, digits);
        let (word, k) = [("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)][which];
        let s = format!("some {written} {word} people");
        prop_assert_eq!(only_value(&s), Some(scaled(int, frac, digits, k)));
    }

    #[test]
    fn percentages_round_trip(int in 0u64..1000, frac in 0u32..100, digits in 0usize..3) {
        let frac = if digits == 0 { 0 } else { frac % 10u32.pow(digits as u32) };
        let (written, plain) = decimal(int, frac, digits);
        let f = extract_text(&format!("turnout was {written}% this time"));
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &plain);
        prop_assert_eq!(f[0].kind, FigureKind::Percent);
    }

    #[test]
    fn spelled_small_integers_round_trip(n in 2u32..1000) {
        let s = format!("they counted {} people", spell(n));
        prop_assert_eq!(only_value(&s), Some(n.to_string()));
    }

    #[test]
    fn space_grouped_thousands_round_trip(n in 1000u64..10_000_000_000_000, sep in 0usize..4) {
        let sep = [" ", "\u{a0}", "\u{2009}", "\u{202f}"][sep];
        let s = format!("they counted {} people", with_separators(n).replace(',', sep));
        prop_assert_eq!(only_value(&s), Some(n.to_string()));
    }

    #[test]
    fn indian_grouping_round_trips(n in 100_000u64..10_000_000_000, paise in 0u32..100) {
        let s = n.to_string();
        let (head, last3) = s.split_at(s.len() - 3);
        let mut groups: Vec<String> = Vec::new();
        let mut h = head.to_string();
        while h.len() > 2 {
            groups.insert(0, h.split_off(h.len() - 2));
        }
        groups.insert(0, h);
        let written = format!("{},{last3}.{paise:02}", groups.join(","));
        let f = extract_text(&format!("a fund of {written} rupees"));
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &decimal(n, paise, 2).1);
        prop_assert_eq!(f[0].unit.as_str(), "INR");
    }

    #[test]
    fn mixed_fractions_round_trip(int in 1u64..1000, which in 0usize..4) {
        let (frac, plain) = [("1/2", ".5"), ("1/4", ".25"), ("3/4", ".75"), ("3/8", ".375")][which];
        let f = extract_text(&format!("he walked {int} {frac} miles"));
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &format!("{int}{plain}"));
        prop_assert_eq!(f[0].unit.as_str(), "mi");
    }

    #[test]
    fn cents_are_hundredths_of_a_dollar(n in 1u64..100_000) {
        let f = extract_text(&format!("it costs {n} cents"));
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &scaled(n / 100, (n % 100) as u32, 2, 0));
        prop_assert_eq!(f[0].unit.as_str(), "USD");
    }

    #[test]
    fn code_and_scale_in_any_order_agree(int in 1u64..1000, code in 0usize..4, which in 0usize..3) {
        let code = ["USD", "EUR", "GBP", "CHF"][code];
        let (word, k) = [("thousand", 3), ("million", 6), ("billion", 9)][which];
        let want = scaled(int, 0, 0, k);
        for s in [format!("a budget of {code} {int} {word}"), format!("a budget of {int} {word} {code}"), format!("a budget of {int} {code} {word}")] {
            let f = extract_text(&s);
            prop_assert_eq!(f.len(), 1, "{}", s);
            prop_assert_eq!(&f[0].value, &want, "{}", s);
            prop_assert_eq!(f[0].unit.as_str(), code, "{}", s);
        }
    }

    #[test]
    fn signed_values_round_trip(int in 1u64..1000, frac in 0u32..100, minus in 0usize..3) {
        let (written, plain) = decimal(int, frac, 2);
        let sign = ["minus ", "−", "-"][minus];
        let f = extract_text(&format!("growth was {sign}{written}% last year"));
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &format!("-{plain}"));
    }

    #[test]
    fn spelled_hundreds_with_and_round_trip(n in 1u32..100) {
        let f = extract_text(&format!("a hundred and {} people", spell(n)));
        prop_assert_eq!(f.len(), 1);
        prop_assert_eq!(&f[0].value, &(100 + n).to_string());
    }

    #[test]
    fn no_input_panics_and_spans_are_sound(s in "\\PC{0,80}") {
        let figs = extract_text(&s);
        let mut last_end = 0;
        for f in &figs {
            prop_assert!(f.span.start >= last_end && f.span.start < f.span.end);
            prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
            prop_assert!(!f.value.contains('e') && !f.value.is_empty() && f.value != "-");
            last_end = f.span.end;
        }
    }

    #[test]
    fn numeric_soup_never_panics(s in "[0-9$€£%.,:/ a-z-]{0,60}") {
        let figs = extract_text(&s);
        for f in &figs {
            prop_assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
        }
    }
}
