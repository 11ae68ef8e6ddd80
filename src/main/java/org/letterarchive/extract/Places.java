package org.letterarchive.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Country and region names (English, Spanish, Portuguese, French) that end a signer line as its location. */
final class Places {

    private static final Set<String> NAMES = Set.of(
            "afghanistan", "albania", "algeria", "argelia", "angola", "argentina", "armenia", "australia", "austria",
            "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belgica", "belgique",
            "belize", "benin", "bhutan", "bolivia", "bosnia", "botswana", "brazil", "brasil", "bresil", "bulgaria",
            "burkina faso", "burundi", "cambodia", "camboya", "cameroon", "camerun", "cameroun", "canada", "chad", "tchad",
            "chile", "china", "chine", "colombia", "colombie", "comoros", "congo", "costa rica", "cote d ivoire", "croatia",
            "cuba", "cyprus", "czech republic", "czechia", "denmark", "dinamarca", "djibouti", "dominica",
            "dominican republic", "republica dominicana", "ecuador", "egypt", "egipto", "el salvador", "eritrea",
            "estonia", "eswatini", "ethiopia", "etiopia", "fiji", "finland", "finlandia", "france", "francia", "gabon",
            "gambia", "georgia", "germany", "alemania", "allemagne", "ghana", "greece", "grecia", "grenada", "guatemala",
            "guinea", "guyana", "haiti", "honduras", "hong kong", "hungary", "hungria", "iceland", "india", "indonesia",
            "iran", "iraq", "ireland", "irlanda", "israel", "italy", "italia", "jamaica", "japan", "japon", "jordan",
            "kazakhstan", "kenya", "kenia", "kiribati", "korea", "south korea", "kosovo", "kuwait", "kyrgyzstan", "laos",
            "latvia", "lebanon", "libano", "lesotho", "liberia", "libya", "lithuania", "luxembourg", "madagascar",
            "malawi", "malaysia", "malasia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico", "mx",
            "moldova", "mongolia", "montenegro", "morocco", "marruecos", "maroc", "mozambique", "myanmar", "namibia",
            "nepal", "netherlands", "the netherlands", "paises bajos", "holanda", "new zealand", "nicaragua", "niger",
            "nigeria", "north macedonia", "norway", "noruega", "oman", "pakistan", "palestine", "palestina", "panama",
            "papua new guinea", "paraguay", "peru", "philippines", "filipinas", "poland", "polonia", "portugal", "qatar",
            "romania", "russia", "rusia", "rwanda", "ruanda", "samoa", "saudi arabia", "senegal", "serbia",
            "sierra leone", "singapore", "slovakia", "slovenia", "solomon islands", "somalia", "south africa",
            "sudafrica", "south sudan", "spain", "espana", "espagne", "sri lanka", "sudan", "suriname", "sweden",
            "suecia", "switzerland", "suiza", "suisse", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
            "tailandia", "togo", "tonga", "trinidad and tobago", "tunisia", "tunez", "tunisie", "turkey", "turquia",
            "uganda", "ukraine", "ucrania", "united arab emirates", "united kingdom", "uk", "reino unido",
            "united states", "usa", "us", "u s", "u s a", "estados unidos", "eeuu", "ee uu", "uruguay", "uzbekistan",
            "vanuatu", "venezuela", "vietnam", "viet nam", "yemen", "zambia", "zimbabwe", "tuvalu", "scotland", "wales",
            "england", "puerto rico", "dc", "europe", "europa", "africa", "asia", "latin america", "america latina",
            "latinoamerica", "global south", "sur global", "north america", "south america", "central america",
            "centroamerica", "caribbean", "caribe", "middle east", "asia pacific",
            "americas", "pacific");

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
    /** no place name is longer than this, with room for accents and punctuation */
    private static final int LONGEST = 40;

    private Places() {}

    static boolean isPlace(String s) {
        if (s == null) return false;
        if (s.length() > LONGEST) return false;
        String k = NON_ALNUM.matcher(MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("")
                .toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return NAMES.contains(k);
    }
}
