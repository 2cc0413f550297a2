/// The events that trend charts of the demo study mark (`reference/published-figures.md`).
enum DemoEvents {
    static let all: [StudyEvent] = [
        StudyEvent(date: "2014-03", label: DemoText.t(
            "Russia annexes Crimea", "Россия аннексирует Крым", "Ресей Қырымды аннексиялады")),
        StudyEvent(date: "2015-01-01", label: DemoText.t(
            "Eurasian Economic Union in force", "Вступает в силу Евразийский экономический союз", "Еуразиялық экономикалық одақ күшіне енді")),
        StudyEvent(date: "2022-01-02", label: DemoText.t(
            "Unrest in Kazakhstan; CSTO forces deployed 6–19 January",
            "Беспорядки в Казахстане; силы ОДКБ введены 6–19 января",
            "Қазақстандағы толқулар; ҰҚШҰ күштері 6–19 қаңтарда енгізілді")),
        StudyEvent(date: "2022-02-24", label: DemoText.t(
            "Russia's full-scale invasion of Ukraine", "Полномасштабное вторжение России в Украину", "Ресейдің Украинаға толық ауқымды басып кіруі")),
        StudyEvent(date: "2022-06-17", label: DemoText.t(
            "Tokayev at the St Petersburg forum: no recognition of Luhansk and Donetsk",
            "Токаев на Петербургском форуме: Луганск и Донецк не признаются",
            "Тоқаев Санкт-Петербург форумында: Луганск пен Донецк мойындалмайды")),
        StudyEvent(date: "2022-09-21", label: DemoText.t(
            "Mobilization in Russia; many Russians move to Kazakhstan",
            "Мобилизация в России; многие россияне переезжают в Казахстан",
            "Ресейде жұмылдыру; көптеген ресейліктер Қазақстанға көшті")),
        StudyEvent(date: "2024-10-06", label: DemoText.t(
            "Referendum on building a nuclear power plant", "Референдум о строительстве атомной электростанции",
            "Атом электр станциясын салу туралы референдум")),
    ]
}
