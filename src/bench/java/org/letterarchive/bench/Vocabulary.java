package org.letterarchive.bench;

import java.util.List;

/**
 * The word material the corpus generator composes letters from: template sentences in English and
 * Spanish, and the parts organization and official names are built of. Written for the benchmark; slots
 * in braces ({topic}, {place}, {official}, {year}, {institution}, {number}) are filled per letter.
 */
final class Vocabulary {

    private Vocabulary() {}

    static final List<String> EN_TITLES = List.of(
            "Open letter on the protection of {topic} in {place}",
            "Joint statement calling for accountability for {topic}",
            "Civil society letter regarding {topic} and the rule of law",
            "Coalition letter urging action on {topic}",
            "Sign-on letter: end the crackdown on {topic} in {place}",
            "Letter to {institution} concerning {topic}",
            "Organizations call for an independent investigation into {topic}");

    static final List<String> ES_TITLES = List.of(
            "Carta abierta sobre {topic} en {place}",
            "Pronunciamiento conjunto por {topic}",
            "Carta de organizaciones de la sociedad civil sobre {topic}",
            "Exigimos justicia ante {topic} en {place}",
            "Llamado urgente a {institution} en materia de {topic}",
            "Organizaciones piden una investigación independiente sobre {topic}");

    static final List<String> EN_SALUTATIONS = List.of("Dear {official},", "Dear Members of {institution},",
            "Dear Secretary,", "To whom it may concern,", "Dear colleagues,");

    static final List<String> ES_SALUTATIONS = List.of("Estimado {official}:", "Estimadas y estimados integrantes de {institution}:",
            "A la opinión pública:", "Distinguida autoridad:", "Señoras y señores:");

    static final List<String> EN_SENTENCES = List.of(
            "We, the undersigned organizations, write to express our deep concern about {topic} in {place}.",
            "Since {year}, our members have documented a steady rise in threats against community leaders and journalists.",
            "The authorities have repeatedly failed to open credible investigations into these incidents.",
            "We urge {institution} to guarantee the safety of those who defend human rights and the environment.",
            "Families of the disappeared continue to wait for answers more than {number} months after the events.",
            "Independent observers reported at least {number} cases of arbitrary detention during the last year alone.",
            "The proposed reform would weaken judicial oversight and restrict access to public information.",
            "Migrants and asylum seekers crossing {place} face extortion, kidnapping and violence along the route.",
            "We call on the government to publish the full findings of the inquiry without further delay.",
            "International human rights law requires states to prevent, investigate and punish these abuses.",
            "Indigenous communities were not consulted before the concessions were granted on their lands.",
            "The militarization of public security has not reduced violence and has instead multiplied complaints of abuse.",
            "Funding for the protection mechanism has fallen by {number} percent, leaving many requests unanswered.",
            "We welcome the recent statement of {institution} but note that words must be followed by concrete measures.",
            "Water sources in {place} have been contaminated by mining waste, and the affected towns have received no remedy.",
            "The criminalization of peaceful protest sends a chilling message to the whole of civil society.",
            "Women human rights defenders face specific risks, including gender-based violence and smear campaigns.",
            "We respectfully request a meeting with your office to present the evidence we have gathered.",
            "Any bilateral cooperation on security should be conditioned on verifiable progress on human rights.",
            "The right to a fair trial must be respected for every person detained in connection with the protests.",
            "Climate change is already displacing rural families, and the response so far has been inadequate.",
            "Lawyers representing the victims have been surveilled, and at least one of them was attacked in {year}.",
            "We ask that the special prosecutor be given the resources and independence the mandate requires.",
            "Freedom of expression cannot be protected while those who threaten reporters enjoy impunity.",
            "The budget for the national search commission must be restored to at least its {year} level.",
            "Children separated from their parents at the border must be reunited without conditions.",
            "Labor organizers in the export sector report dismissals and blacklisting after every attempt to unionize.",
            "The use of spyware against journalists and activists demands a full and transparent accounting.",
            "We stand ready to collaborate with {institution} on a plan that puts the victims at its center.",
            "Thank you for your attention to this urgent matter; we look forward to your prompt reply.");

    static final List<String> ES_SENTENCES = List.of(
            "Las organizaciones firmantes manifestamos nuestra profunda preocupación por {topic} en {place}.",
            "Desde {year} hemos documentado un aumento constante de las agresiones contra personas defensoras.",
            "Las autoridades no han abierto investigaciones creíbles sobre estos hechos.",
            "Exigimos a {institution} que garantice la integridad de quienes defienden el territorio y los derechos humanos.",
            "Las familias de las personas desaparecidas siguen esperando respuestas después de {number} meses.",
            "Observadores independientes registraron al menos {number} detenciones arbitrarias durante el último año.",
            "La reforma propuesta debilitaría el control judicial y limitaría el acceso a la información pública.",
            "Las personas migrantes que cruzan {place} sufren extorsión, secuestro y violencia a lo largo de la ruta.",
            "Pedimos al gobierno que publique de inmediato los resultados completos de la investigación.",
            "El derecho internacional obliga a los Estados a prevenir, investigar y sancionar estas violaciones.",
            "Las comunidades indígenas no fueron consultadas antes de que se otorgaran las concesiones en su territorio.",
            "La militarización de la seguridad pública no ha reducido la violencia y ha multiplicado las denuncias de abusos.",
            "El presupuesto del mecanismo de protección se redujo en un {number} por ciento y muchas solicitudes quedan sin atender.",
            "Reconocemos el pronunciamiento reciente de {institution}, pero las palabras deben acompañarse de medidas concretas.",
            "Los ríos de {place} han sido contaminados por desechos mineros y los pueblos afectados no han recibido reparación.",
            "La criminalización de la protesta pacífica envía un mensaje intimidatorio a toda la sociedad civil.",
            "Las mujeres defensoras enfrentan riesgos específicos, entre ellos violencia de género y campañas de desprestigio.",
            "Solicitamos respetuosamente una reunión con su despacho para presentar la información que hemos reunido.",
            "Toda cooperación bilateral en materia de seguridad debe condicionarse a avances verificables en derechos humanos.",
            "Debe respetarse el debido proceso de cada persona detenida en el contexto de las manifestaciones.",
            "El cambio climático ya desplaza a familias campesinas y la respuesta del Estado ha sido insuficiente.",
            "Las abogadas y abogados de las víctimas han sido vigilados, y al menos uno fue agredido en {year}.",
            "Pedimos que la fiscalía especial cuente con los recursos y la autonomía que exige su mandato.",
            "La libertad de expresión no puede protegerse mientras quienes amenazan a periodistas gocen de impunidad.",
            "El presupuesto de la comisión nacional de búsqueda debe restituirse al menos a su nivel de {year}.",
            "Las niñas y los niños separados de sus familias en la frontera deben ser reunificados sin condiciones.",
            "Las personas sindicalistas de la maquila denuncian despidos y listas negras tras cada intento de organizarse.",
            "El uso de programas espía contra periodistas y activistas exige una rendición de cuentas completa y transparente.",
            "Reiteramos nuestra disposición a colaborar con {institution} en un plan centrado en las víctimas.",
            "Agradecemos su atención a este asunto urgente y quedamos atentas a su pronta respuesta.");

    static final List<String> EN_TOPICS = List.of("human rights defenders", "forced disappearances", "migrant children",
            "press freedom", "indigenous land rights", "the right to water", "asylum seekers", "political prisoners",
            "environmental defenders", "gender-based violence", "police violence", "labor rights", "mining conflicts",
            "the militarization of public security", "freedom of assembly");

    static final List<String> ES_TOPICS = List.of("las personas defensoras de derechos humanos", "la desaparición forzada",
            "la niñez migrante", "la libertad de prensa", "los derechos territoriales indígenas", "el derecho al agua",
            "las personas solicitantes de asilo", "las personas presas políticas", "la defensa del medio ambiente",
            "la violencia de género", "la violencia policial", "los derechos laborales", "los conflictos mineros",
            "la militarización de la seguridad pública", "la libertad de reunión");

    static final List<String> PLACES = List.of("Chiapas", "Oaxaca", "Guerrero", "Veracruz", "Tamaulipas", "Sonora",
            "Ciudad Juárez", "Tijuana", "Tapachula", "Guatemala", "Honduras", "El Salvador", "Nicaragua", "Colombia",
            "Perú", "Bolivia", "the Darién Gap", "the Rio Grande Valley", "Arizona", "Texas", "Michoacán", "Yucatán",
            "Quintana Roo", "Cauca", "Petén", "Tegucigalpa", "San Pedro Sula", "Managua", "Bogotá", "Lima");

    static final List<String> EN_INSTITUTIONS = List.of("the Department of State", "the United States Congress",
            "the Inter-American Commission on Human Rights", "the United Nations Human Rights Council",
            "the Government of Mexico", "the European Parliament", "the Senate Foreign Relations Committee",
            "the Department of Homeland Security", "the World Bank", "the Organization of American States");

    static final List<String> ES_INSTITUTIONS = List.of("la Secretaría de Gobernación", "el Congreso de la Unión",
            "la Comisión Interamericana de Derechos Humanos", "el Consejo de Derechos Humanos de la ONU",
            "el Gobierno de México", "la Fiscalía General de la República", "la Comisión Nacional de los Derechos Humanos",
            "el Senado de la República", "la Suprema Corte de Justicia de la Nación", "la Secretaría de Relaciones Exteriores");

    static final List<String> EN_CLOSINGS = List.of("Sincerely,", "Signed", "Respectfully,", "Signatories:");
    static final List<String> ES_CLOSINGS = List.of("Firman:", "Atentamente,", "Suscriben:");

    // --- organization names ---

    static final List<String> EN_ORG_FORMS = List.of("Center for {t}", "Coalition for {t}", "Alliance for {t}",
            "Institute for {t}", "{t} Network", "{t} Project", "Committee for {t}", "Friends of {p}",
            "{p} {t} Collective", "Fund for {t}", "{t} Action", "{p} Solidarity Committee", "{t} Watch",
            "Council on {t}", "{p} Defense Initiative", "Office on {p}", "{t} Advocates");

    static final List<String> ES_ORG_FORMS = List.of("Centro de Derechos Humanos {f}", "Red de {t}", "Colectivo {f}",
            "Asociación para {t}", "Fundación {f}", "Comité de {t} de {p}", "Observatorio de {t}", "Consejo de {t}",
            "Frente Cívico de {p}", "Centro de Estudios de {t}", "Alianza por {t}", "Coordinadora de {t} de {p}",
            "Movimiento {f}", "Servicio Jesuita de {t}", "Casa del Migrante {f}", "Unión de Comunidades de {p}");

    static final List<String> EN_ORG_TOPICS = List.of("Human Rights", "Migrant Justice", "Water Defense",
            "Indigenous Peoples", "Press Freedom", "Labor Solidarity", "Peace and Justice", "Democracy",
            "Environmental Law", "Immigrant Rights", "Women's Rights", "Refugee Assistance", "Latin America Policy",
            "International Law", "Faith and Justice", "Economic Justice", "Transparency", "Forest Peoples");

    static final List<String> ES_ORG_TOPICS = List.of("Derechos Humanos", "Justicia Migrante", "Defensa del Agua",
            "Pueblos Indígenas", "Libertad de Expresión", "Mujeres Defensoras", "Paz y Justicia", "Democracia",
            "Derecho Ambiental", "Atención a Migrantes", "Desarrollo Comunitario", "Memoria y Verdad", "Economía Solidaria",
            "Educación Popular", "Salud Comunitaria", "Tierra y Territorio", "Defensa Jurídica");

    static final List<String> FOUNDERS = List.of("Fray Matías de Córdova", "Bartolomé Carrasco", "Digna Ochoa",
            "Miguel Hidalgo", "Monseñor Romero", "Tepeyac", "Paso del Norte", "Hermanas Mirabal", "Nuevo Amanecer",
            "Tierra Viva", "Voces Mesoamericanas", "Ixchel", "Sembradores", "Luz y Esperanza", "Ocho de Marzo",
            "Raíces", "Semilla", "Emiliano Zapata", "Sor Juana", "Berta Cáceres", "Cholsamaj", "Xochitl",
            "Nuestra Voz", "La Esperanza", "Agua Viva", "Puentes", "El Caracol", "Brisa del Sur", "Tonantzin",
            "San Isidro", "Kolping", "Maíz", "Ceiba", "Horizonte", "Camino Digno");

    static final List<String> LOCATIONS = List.of("Chiapas, México", "Oaxaca, México", "Ciudad de México", "Guerrero, México",
            "Tijuana, B.C.", "Monterrey, N.L.", "San Cristóbal de las Casas", "Guatemala City, Guatemala",
            "Tegucigalpa, Honduras", "San Salvador, El Salvador", "Managua, Nicaragua", "Bogotá, Colombia",
            "Washington, DC", "New York, NY", "Los Angeles, CA", "Chicago, IL", "Tucson, AZ", "El Paso, TX",
            "San Diego, CA", "London, UK", "Madrid, España", "Berlin, Germany", "Toronto, Canada", "Brussels, Belgium");

    static final List<String> EN_SUFFIXES = List.of("Inc.", "Ltd.", "LLC", "e.V.", "ASBL");
    static final List<String> ES_SUFFIXES = List.of("A.C.", "S.C.", "I.A.P.", "A.C.", "A.C.");

    // --- officials ---

    static final List<String> FIRST_NAMES = List.of("María", "José", "Ana", "Luis", "Carmen", "Jorge", "Patricia",
            "Roberto", "Elena", "Andrés", "Lucía", "Fernando", "Sofía", "Alejandro", "Gabriela", "Ricardo", "Laura",
            "Michael", "Sarah", "David", "Jennifer", "Robert", "Karen", "James", "Linda", "Thomas", "Rebecca",
            "Antony", "Nancy", "Charles", "Ilhan", "Alexandria", "Marcelo", "Olga", "Rosa Icela", "Xóchitl");

    static final List<String> LAST_NAMES = List.of("García", "Hernández", "López", "Martínez", "González", "Pérez",
            "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz", "Morales", "Ortiz", "Núñez",
            "Smith", "Johnson", "Williams", "Brown", "Miller", "Wilson", "Anderson", "Taylor", "Clark", "Lewis",
            "Walker", "Hall", "Young", "Menéndez", "Castro", "Ebrard", "Sheinbaum", "Blinken", "Pelosi", "Durbin");

    static final List<String> EN_ROLES = List.of("Secretary of State", "Secretary of Homeland Security",
            "Attorney General", "Speaker of the House", "Chair, Senate Foreign Relations Committee",
            "Ranking Member, House Appropriations Committee", "Ambassador of the United States to Mexico",
            "UN Special Rapporteur on Human Rights Defenders", "President of the World Bank",
            "Secretary General of the OAS", "Member of Congress", "U.S. Senator", "Governor of Texas",
            "High Commissioner for Human Rights", "Administrator, USAID");

    static final List<String> ES_ROLES = List.of("Presidenta de la República", "Presidente de la República",
            "Secretaria de Gobernación", "Secretario de Relaciones Exteriores", "Fiscal General de la República",
            "Gobernador del Estado de Chiapas", "Gobernadora del Estado de Guerrero", "Presidenta de la CNDH",
            "Senadora de la República", "Diputado Federal", "Comisionado Nacional de Búsqueda",
            "Embajadora de México en Estados Unidos", "Titular de la Unidad de Derechos Humanos");

    // --- Portuguese, French and German letters, and the shapes of signer and addressee blocks (LetterShapes) ---

    static final List<String> PT_TITLES = List.of("Carta aberta sobre a situação em {place}",
            "Organizações pedem proteção para as comunidades de {place}", "Nota pública sobre os direitos humanos em {place}");
    static final List<String> FR_TITLES = List.of("Lettre ouverte sur la situation à {place}",
            "Des organisations demandent la protection des communautés de {place}", "Déclaration commune sur les droits humains à {place}");
    static final List<String> DE_TITLES = List.of("Offener Brief zur Lage in {place}",
            "Organisationen fordern Schutz für die Gemeinden in {place}", "Gemeinsame Erklärung zu den Menschenrechten in {place}");

    static final List<String> PT_SENTENCES = List.of(
            "As organizações abaixo assinadas manifestam profunda preocupação com a situação em {place}.",
            "Nos últimos meses foram registradas pelo menos {number} denúncias de ameaças contra defensoras e defensores.",
            "Solicitamos que as autoridades garantam a proteção imediata das comunidades afetadas.",
            "A falta de consulta prévia às comunidades viola compromissos internacionais assumidos pelo Estado.",
            "Desde {year}, as famílias deslocadas aguardam uma resposta concreta do governo.",
            "Pedimos a criação de uma comissão independente com participação da sociedade civil.",
            "A impunidade alimenta novos ataques e enfraquece a confiança nas instituições públicas.",
            "Reiteramos nossa disposição para dialogar e apresentar as informações que reunimos.",
            "O orçamento destinado aos programas de proteção foi reduzido em {number} por cento.",
            "Agradecemos a atenção e aguardamos uma resposta em breve.");
    static final List<String> FR_SENTENCES = List.of(
            "Les organisations signataires expriment leur vive inquiétude face à la situation à {place}.",
            "Au cours des derniers mois, au moins {number} menaces contre des défenseurs des droits humains ont été signalées.",
            "Nous demandons aux autorités de garantir sans délai la protection des communautés concernées.",
            "L'absence de consultation préalable des populations viole les engagements internationaux de l'État.",
            "Depuis {year}, les familles déplacées attendent une réponse concrète du gouvernement.",
            "Nous appelons à la création d'une commission indépendante associant la société civile.",
            "L'impunité encourage de nouvelles attaques et affaiblit la confiance dans les institutions.",
            "Nous restons disponibles pour un dialogue et pour partager les informations que nous avons recueillies.",
            "Le budget des programmes de protection a été réduit de {number} pour cent.",
            "Nous vous remercions de votre attention et attendons votre réponse.");
    static final List<String> DE_SENTENCES = List.of(
            "Die unterzeichnenden Organisationen sind tief besorgt über die Lage in {place}.",
            "In den vergangenen Monaten wurden mindestens {number} Drohungen gegen Menschenrechtsverteidigerinnen gemeldet.",
            "Wir fordern die Behörden auf, die betroffenen Gemeinden unverzüglich zu schützen.",
            "Die fehlende Konsultation der Bevölkerung verletzt die internationalen Verpflichtungen des Staates.",
            "Seit {year} warten die vertriebenen Familien auf eine konkrete Antwort der Regierung.",
            "Wir rufen zur Einrichtung einer unabhängigen Kommission unter Beteiligung der Zivilgesellschaft auf.",
            "Die Straflosigkeit ermutigt zu neuen Angriffen und untergräbt das Vertrauen in die Institutionen.",
            "Wir sind jederzeit zu einem Gespräch bereit und teilen gerne die gesammelten Informationen.",
            "Das Budget der Schutzprogramme wurde um {number} Prozent gekürzt.",
            "Wir danken Ihnen für Ihre Aufmerksamkeit und erwarten Ihre Antwort.");

    static final List<String> PT_CLOSINGS = List.of("Atenciosamente,", "Assinam:", "Cordialmente,");
    static final List<String> FR_CLOSINGS = List.of("Cordialement,", "Signataires :", "Veuillez agréer l'expression de notre haute considération.");
    static final List<String> DE_CLOSINGS = List.of("Mit freundlichen Grüßen", "Unterzeichnende:", "Hochachtungsvoll");

    static final List<String> PT_ROLES = List.of("Ministra das Relações Exteriores", "Presidente da Câmara dos Deputados",
            "Procurador-Geral da República", "Ministro dos Direitos Humanos", "Governadora do Estado");
    static final List<String> FR_ROLES = List.of("Ministre de l'Europe et des Affaires étrangères", "Président de l'Assemblée nationale",
            "Défenseure des droits", "Ministre de l'Intérieur", "Ambassadeur de France");
    static final List<String> DE_ROLES = List.of("Bundesministerin des Auswärtigen", "Präsident des Deutschen Bundestages",
            "Beauftragte für Menschenrechtspolitik", "Bundesminister des Innern", "Vorsitzende des Menschenrechtsausschusses");

    /** Honorifics written before an addressee's name (never part of the name). */
    static final List<String> EN_HONORIFICS = List.of("The Honorable", "Senator the Honorable", "Hon.", "The Hon.");
    static final List<String> ES_HONORIFICS = List.of("Lic.", "Dra.", "Mtro.", "C.");
    static final List<String> PT_HONORIFICS = List.of("Exmo. Sr.", "Exma. Sra.", "Sr.");
    static final List<String> FR_HONORIFICS = List.of("Monsieur", "Madame");
    static final List<String> DE_HONORIFICS = List.of("Frau", "Herrn", "Frau Dr.");

    static final List<String> STREETS = List.of("Avenida Reforma 120", "Constitution Avenue 41", "Rua das Palmeiras 88",
            "Rue de Varenne 57", "Platz der Einheit 3", "Calle Juárez 14", "Plaza Mayor 2", "Main Street 210");
    static final List<String> CITIES = List.of("Ciudad de México", "Washington, DC 20510", "Brasília, DF", "Paris",
            "Berlin", "Madrid", "Bogotá", "Lima", "Canberra ACT 2600", "Lisboa");

    static final List<String> PERSON_TITLES = List.of("Professor of Law", "Associate Professor", "Research Fellow",
            "Executive Director", "Coordinator", "Profesora investigadora", "Director ejecutivo", "Coordenadora",
            "Senior Lecturer", "Chair of the Board");
    static final List<String> UNIVERSITY_FORMS = List.of("University of {p}", "Universidad Autónoma de {p}", "{p} State University",
            "Instituto de Estudios Sociales de {p}", "Universidade Federal de {p}", "School of Law, University of {p}");
    static final List<String> CITY_NAMES = List.of("Berlin", "Madrid", "Lima", "Bogotá", "Toronto", "London", "Oaxaca",
            "Tucson", "Lisboa", "Paris", "Quito", "Tegucigalpa");
}
