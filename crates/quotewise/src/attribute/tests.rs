use super::direct::direct_quotes;
use super::partial::mixed_from_partial;
use super::transcripts::transcripts;
use super::*;
use crate::marks::scan;

fn directs(text: &str) -> Vec<(String, QuoteKind, Option<String>, Option<Method>)> {
    let t = Text::english(text);
    direct_quotes(&t, &scan(&t))
        .into_iter()
        .map(|c| {
            let pieces: Vec<&str> = c
                .pieces
                .iter()
                .map(|&(a, b)| &text[t.tokens[a].start..t.tokens[b].end])
                .collect();
            let speaker = c.speaker.as_ref().map(|m| {
                let (a, b) = m.byte_range(&t);
                text[a..b].to_string()
            });
            (pieces.join(" | "), c.kind, speaker, c.method)
        })
        .collect()
}

macro_rules! tag {
    ($name:ident, $text:expr, $content:expr, $speaker:expr, $method:expr) => {
        #[test]
        fn $name() {
            let got = directs($text);
            assert_eq!(got.len(), 1, "{got:?}");
            assert_eq!(got[0].0, $content);
            assert_eq!(got[0].2.as_deref(), $speaker);
            assert_eq!(got[0].3, $method);
        }
    };
}

tag!(
    inverted_tag_before_a_quote,
    "It was painful. Said Comey, “The thought is very painful to us.” Nobody answered.",
    "“The thought is very painful to us.”",
    Some("Comey"),
    Some(Method::SpeechTag)
);
tag!(
    capitalised_quote_right_after_its_verb,
    "She declared “What a Super Tuesday!” and said more.",
    "“What a Super Tuesday!”",
    Some("She"),
    Some(Method::SpeechTag)
);
tag!(
    dash_credit_on_the_next_line,
    "“I went to Wall Street before the crash.”\n\n- Hillary Clinton.\n\nShe went on.",
    "“I went to Wall Street before the crash.”",
    Some("Hillary Clinton"),
    Some(Method::AdjacentLine)
);
tag!(
    a_thought_tagged_after_the_quote,
    "“But then,” thought Alice, “shall I never get any older?”",
    "“But then,” | “shall I never get any older?”",
    Some("Alice"),
    Some(Method::SpeechTag)
);
tag!(
    a_thought_tagged_by_its_subject_after_the_quote,
    "“Is it late?” the old woman thought.",
    "“Is it late?”",
    Some("the old woman"),
    Some(Method::SpeechTag)
);
tag!(
    a_verb_of_thinking_after_a_quoted_phrase_is_no_tag,
    "It was good for “the U.S. as well as Mexico” and the Chamber thinks so.",
    "“the U.S. as well as Mexico”",
    None,
    None
);
tag!(
    role_with_noun_modifiers_before_the_name,
    "“This has to be the first time,” said Clinton’s top foreign policy aide Jake Sullivan.",
    "“This has to be the first time,”",
    Some("Jake Sullivan"),
    Some(Method::SpeechTag)
);
tag!(
    quote_pronoun_verb,
    "“We will win,” he said.",
    "“We will win,”",
    Some("he"),
    Some(Method::SpeechTag)
);
tag!(
    quote_verb_name,
    "“We will win,” said Jane Smith.",
    "“We will win,”",
    Some("Jane Smith"),
    Some(Method::SpeechTag)
);
tag!(
    quote_name_verb,
    "“We will win,” Jane Smith said.",
    "“We will win,”",
    Some("Jane Smith"),
    Some(Method::SpeechTag)
);
tag!(
    name_verb_colon_quote,
    "Jane Smith said: “We will win.”",
    "“We will win.”",
    Some("Jane Smith"),
    Some(Method::SpeechTag)
);
tag!(
    name_verb_comma_quote,
    "Then Jane Smith added, “We will win.”",
    "“We will win.”",
    Some("Jane Smith"),
    Some(Method::SpeechTag)
);
tag!(
    colon_far_from_verb,
    "Smith told reporters on Friday: “We will win.”",
    "“We will win.”",
    Some("Smith"),
    Some(Method::SpeechTag)
);
tag!(
    description_tag_sentence_after,
    "“We look in the mirror.” The Russian leader said.",
    "“We look in the mirror.”",
    Some("The Russian leader"),
    Some(Method::SpeechTag)
);
tag!(
    apposition_tag,
    "“No,” Dmitry Peskov, the Kremlin spokesman, said.",
    "“No,”",
    Some("Dmitry Peskov"),
    Some(Method::SpeechTag)
);
tag!(
    split_by_tag,
    "“A is true,” he said, “and so is B.”",
    "“A is true,” | “and so is B.”",
    Some("he"),
    Some(Method::SpeechTag)
);
tag!(
    tag_line_after,
    "“We will talk directly.”\nPutin said\nNext.",
    "“We will talk directly.”",
    Some("Putin"),
    Some(Method::AdjacentLine)
);
tag!(
    tag_line_before,
    "Putin said:\n“We will talk directly.”",
    "“We will talk directly.”",
    Some("Putin"),
    Some(Method::AdjacentLine)
);
tag!(
    according_to_quote,
    "According to Putin, “we will talk.”",
    "“we will talk.”",
    Some("Putin"),
    Some(Method::AccordingTo)
);

tag!(
    dash_byline,
    "“Maybe we can build a wall around him.” ― Steve Quinlan",
    "“Maybe we can build a wall around him.”",
    Some("Steve Quinlan"),
    Some(Method::SpeechTag)
);
tag!(
    verb_comma_without_subject,
    "As a phone rang, the announcer said, “It is 3 a.m. and your children are safe.”",
    "“It is 3 a.m. and your children are safe.”",
    Some("the announcer"),
    Some(Method::SpeechTag)
);
tag!(tag_with_bracket, "“Subpoenas are not optional,” panel Chairman Rep. Jason Chaffetz (R-Utah) said after the hearing.", "“Subpoenas are not optional,”", Some("Jason Chaffetz"), Some(Method::SpeechTag));
tag!(
    gerund_tag_before,
    "Dean mocked the debate, tweeting, “Notice Trump sniffing all the time.”",
    "“Notice Trump sniffing all the time.”",
    Some("Dean"),
    Some(Method::SpeechTag)
);

#[test]
fn transcript_lines_are_quotes() {
    let text = "PENCE: Well, look, this is serious business.\nWALLACE: If I may, sir.";
    let t = Text::english(text);
    let mut c = direct_quotes(&t, &scan(&t));
    transcripts(&t, &mut c);
    let got: Vec<(String, String)> = c
        .iter()
        .map(|c| {
            let (a, b) = c.pieces[0];
            let (sa, sb) = c.speaker.as_ref().unwrap().byte_range(&t);
            (
                text[t.tokens[a].start..t.tokens[b].end].to_string(),
                text[sa..sb].to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "Well, look, this is serious business.".to_string(),
                "PENCE".to_string()
            ),
            ("If I may, sir.".to_string(), "WALLACE".to_string())
        ]
    );
}

#[test]
fn quoted_words_in_a_named_subjects_predicate_are_mixed() {
    // The verb's complement runs on to the clause's end, and quoted
    // words closing the sentence keep their closing mark.
    for (text, content) in [
        (
            "Laurence Tribe likened the rules to “burning the Constitution” in court, he said.",
            "the rules to “burning the Constitution” in court",
        ),
        (
            "Clinton blamed the “fog of war” for the failure of the U.S. to act. Then she left.",
            "the “fog of war” for the failure of the U.S. to act",
        ),
        (
            "Hillary Clinton says Americans are “right to be angry,” but hungry for what she calls “real solutions.” Then she left.",
            "Americans are “right to be angry,” but hungry for what she calls “real solutions.”",
        ),
    ] {
        let t = Text::english(text);
        let mut c = direct_quotes(&t, &scan(&t));
        assert_eq!(c[0].kind, QuoteKind::Partial);
        assert!(mixed_from_partial(&t, &mut c[0]));
        let (a, b) = c[0].pieces[0];
        assert_eq!(&text[t.tokens[a].start..t.tokens[b].end], content);
        assert_eq!(c[0].method, Some(Method::Nearby));
    }
}

#[test]
fn scare_quotes_are_partial() {
    let got = directs("Putin suggested a “virtually live” experiment.");
    assert_eq!(got[0].1, QuoteKind::Partial);
}

#[test]
fn untagged_sentence_quote_is_direct_without_speaker() {
    let got = directs("Smith arrived. “In order not to be bothered, we must go.”");
    assert_eq!((got[0].1, got[0].2.clone()), (QuoteKind::Direct, None));
}

#[test]
fn headline_credits_a_claim_to_a_person() {
    let cases = [
        (
            "Mark Cuban: I'd consider a future White House bid.\n\nCuban spoke on Friday.",
            Some(("I'd consider a future White House bid", "Mark Cuban")),
        ),
        (
            "Poll: Clinton and Trump in dead heat.\n\nA new poll shows it.",
            Some(("Clinton and Trump in dead heat", "Poll")),
        ),
        (
            "The Latest: Cruz to give away a shotgun.\n\nThe latest news.",
            None,
        ),
        (
            "Wow: Glenn Beck Just Responded With One Line.\n\nBeck spoke.",
            None,
        ),
        (
            "Ted Cruz: Conservative or career politician?\n\nCruz ran.",
            None,
        ),
        ("Breitbart News Daily: A World at War.\n\nWar came.", None),
    ];
    for (text, want) in cases {
        let t = Text::english(text);
        let mut cands = Vec::new();
        transcripts(&t, &mut cands);
        let got = cands.first().map(|c| {
            let (a, b) = c.pieces[0];
            let (sa, sb) = c.speaker.as_ref().unwrap().byte_range(&t);
            (&text[t.tokens[a].start..t.tokens[b].end], &text[sa..sb])
        });
        assert_eq!(got, want, "{text}");
        assert!(cands.iter().all(|c| c.kind == QuoteKind::Indirect));
    }
}

fn indirects(text: &str) -> Vec<(String, String, String)> {
    let t = Text::english(text);
    let d = direct_quotes(&t, &scan(&t));
    let mut covered = vec![false; t.tokens.len()];
    for c in d.iter().filter(|c| c.kind != QuoteKind::Partial) {
        for &(a, b) in &c.pieces {
            covered[a..=b].iter_mut().for_each(|x| *x = true);
        }
    }
    let none = vec![false; t.tokens.len()];
    indirect(&t, &covered, &none, &none)
        .into_iter()
        .map(|c| {
            let (a, b) = c.pieces[0];
            let (sa, sb) = c.speaker.as_ref().unwrap().byte_range(&t);
            let cue = c.cue.unwrap();
            (
                text[t.tokens[a].start..t.tokens[b].end].to_string(),
                text[sa..sb].to_string(),
                text[t.tokens[cue.0].start..t.tokens[cue.1].end].to_string(),
            )
        })
        .collect()
}

macro_rules! ind {
    ($name:ident, $text:expr, [$(($c:expr, $s:expr, $v:expr)),*]) => {
        #[test]
        fn $name() {
            let want: Vec<(String, String, String)> = vec![$(($c.to_string(), $s.to_string(), $v.to_string())),*];
            assert_eq!(indirects($text), want);
        }
    };
}

ind!(
    said_that,
    "He noted that the last time Joe Biden called him.",
    [("that the last time Joe Biden called him", "He", "noted")]
);
ind!(
    an_adverb_the_lexicon_lacks_is_not_part_of_a_pronoun_subject,
    "She soon afterwards said that it would rain.",
    [("that it would rain", "She", "said")]
);
ind!(
    told_y_that,
    "Putin told Rosiah 24 that he had instructed them.",
    [("that he had instructed them", "Putin", "told")]
);
ind!(
    a_clause_opening_with_if,
    "Cruz said if elected he could work with the leadership.",
    [(
        "if elected he could work with the leadership",
        "Cruz",
        "said"
    )]
);
ind!(
    a_subordinator_with_no_clause_after_it_is_not_content,
    "Cruz will run, aides said if pressed.",
    [("Cruz will run", "aides", "said")]
);
ind!(
    bare_clause,
    "Pence said his running mate was only joking.",
    [("his running mate was only joking", "Pence", "said")]
);
ind!(
    plural_possessive_opens_the_clause,
    "Clinton says Sanders’ attack is designed to raise questions.",
    [(
        "Sanders’ attack is designed to raise questions",
        "Clinton",
        "says"
    )]
);
ind!(
    gerund_after_a_past_tense_sentence,
    "Trump went after Bush on Friday, saying the plan was dead. Hours later, saying nothing was wrong.",
    [("the plan was dead", "Trump", "saying")]
);
ind!(
    quantifier_subject,
    "Voters were worried about the economy; most said they were very worried. Many say they will stay home.",
    [
        ("they were very worried", "most", "said"),
        ("they will stay home", "Many", "say")
    ]
);
ind!(
    subject_before_a_relative_clause,
    "The officials who came to Philadelphia say they will shift their support. The aides who applauded him were back.",
    [("they will shift their support", "The officials", "say")]
);
ind!(
    asked_someone_if,
    "Then Mr. Rubin asked the students if they were always so serious. Mr. Band asked her to call Mr. Chagoury immediately if possible.",
    [
        ("if they were always so serious", "Rubin", "asked"),
        ("to call Mr. Chagoury immediately if possible", "Band", "asked")
    ]
);
ind!(
    base_form_after_an_article_is_a_noun,
    "The rally was the subject of a Facebook post the campaign wrote. Leahy and Grassley say other changes are needed.",
    [("other changes are needed", "Grassley", "say")]
);
ind!(
    content_stops_before_according_to,
    "Nearly three in four say they would like to buy goods made in America, according to the poll.",
    [
        (
            "they would like to buy goods made in America",
            "Nearly three in four",
            "say"
        ),
        (
            "Nearly three in four say they would like to buy goods made in America",
            "the poll",
            "according to"
        )
    ]
);
ind!(
    inverted_tag_then_an_apposition,
    "Nor are tariffs likely to bring these jobs back, said David Autor, a professor of economics at M.I.T., who studies trade.",
    [(
        "Nor are tariffs likely to bring these jobs back",
        "David Autor",
        "said"
    )]
);
ind!(
    tag_then_a_long_prepositional_phrase,
    "His allegiance has shifted from Fiorina to Cruz, Wilkin said during his speech at the event on Friday night in Des Moines.",
    [(
        "His allegiance has shifted from Fiorina to Cruz",
        "Wilkin",
        "said"
    )]
);
ind!(
    weekday_then_bare_clause,
    "Mr. Clinton said Thursday he would leave the board. Priebus tweeted Tuesday night he considered Trump the nominee. She said Friday morning.",
    [
        ("he would leave the board", "Clinton", "said"),
        ("he considered Trump the nominee", "Priebus", "tweeted")
    ]
);
ind!(
    according_first,
    "According to Putin, everyone starts out on their own",
    [("everyone starts out on their own", "Putin", "According to")]
);
ind!(
    according_last,
    "The plan failed badly, according to two officials.",
    [("The plan failed badly", "two officials", "according to")]
);
ind!(
    according_to_a_source_with_marks_or_a_slash,
    "The plan would cost $1 trillion a year, according to the “Medicare for all” document he released. According to state/federal records released Thursday, the senator owns three homes.",
    [
        (
            "The plan would cost $1 trillion a year",
            "the “Medicare for all” document he released",
            "according to"
        ),
        (
            "the senator owns three homes",
            "state/federal records released Thursday",
            "According to"
        )
    ]
);
ind!(
    according_to_between_subject_and_verb,
    "Fundraising, according to the campaign, has surged in the same period. Women gave 43 percent of it, according to Crowdpac, the most of any year.",
    [
        ("Fundraising", "the campaign", "according to"),
        ("Women gave 43 percent of it", "Crowdpac", "according to")
    ]
);
ind!(
    tag_at_end,
    "The plan failed badly, the spokesman said on Friday.",
    [("The plan failed badly", "the spokesman", "said")]
);
ind!(
    inverted_tag_at_end,
    "The plan failed badly, said Dmitry Peskov.",
    [("The plan failed badly", "Dmitry Peskov", "said")]
);
ind!(
    apposition,
    "Dmitry Peskov, the Kremlin spokesman, said the footage will be public.",
    [("the footage will be public", "Dmitry Peskov", "said")]
);
ind!(
    gerund_takes_the_sentence_subject,
    "Trump spoke on Friday, saying the plan was dead.",
    [("the plan was dead", "Trump", "saying")]
);
ind!(
    progressive_with_contraction,
    "He’s claiming that voting fraud is a big problem.",
    [("that voting fraud is a big problem", "He’s", "claiming")]
);
ind!(
    infinitive_of_intent,
    "Donald Trump has vowed to bring back lost mining jobs.",
    [("to bring back lost mining jobs", "Donald Trump", "vowed")]
);
ind!(
    appeal_with_object,
    "Cruz urged Republicans to vote their conscience.",
    [("to vote their conscience", "Cruz", "urged")]
);
ind!(
    labelled_object_with_quotes,
    "Clinton called half of his supporters “deplorables” in New York.",
    [("half of his supporters “deplorables”", "Clinton", "called")]
);
ind!(
    relative_pronoun_subject,
    "He met McConnell, who said the goal was a one-term president.",
    [("the goal was a one-term president", "who", "said")]
);
ind!(
    split_tag_two_pieces,
    "The museum, Mr. Bush said, celebrated several of his heroes.",
    [("The museum", "Bush", "said")]
);
ind!(
    prepositional_cue_reports_its_object,
    "Sanders called for a ban on fracking, and Clinton talked about jobs.",
    [
        ("a ban on fracking", "Sanders", "called for"),
        ("jobs", "Clinton", "talked about")
    ]
);
ind!(
    sentence_opening_noun_phrase_is_the_subject,
    "Lawyers close to the family said that the deal was close.",
    [(
        "that the deal was close",
        "Lawyers close to the family",
        "said"
    )]
);
ind!(
    prepositional_adverbial_before_a_pronoun_clause,
    "United Gun Group said in a statement Thursday night they pulled the listing.",
    [("they pulled the listing", "United Gun Group", "said")]
);
ind!(
    stance_object_keeps_its_whole_list,
    "Putin cited bilateral relations, military stability and trade among the topics.",
    [(
        "bilateral relations, military stability and trade among the topics",
        "Putin",
        "cited"
    )]
);
ind!(
    speech_verb_with_quoted_words_reports_its_complement,
    "Clinton conceded the current situation is “deeply regrettable.”",
    [(
        "the current situation is “deeply regrettable.”",
        "Clinton",
        "conceded"
    )]
);
ind!(
    adverbial_opener_is_not_the_subject,
    "Hours later, Trump returned the compliment, telling Reuters that they were friends.",
    [("that they were friends", "Trump", "telling")]
);
ind!(
    a_verb_form_after_an_article_is_a_noun,
    "The mother made an impassioned call for love and unity. Obama heard a call for calm.",
    []
);
ind!(
    second_report_cuts_the_first,
    "Putney said the video was unclear, but he said that it supports the account.",
    [
        ("the video was unclear", "Putney", "said"),
        ("that it supports the account", "he", "said")
    ]
);
ind!(
    passive_is_not_speech,
    "He was asked if he was ready. It is known that it works.",
    []
);
ind!(
    noun_object_is_not_speech,
    "The Russian president stressed the need to maintain relations.",
    []
);

#[test]
fn a_title_quoted_in_the_tag_does_not_end_the_quote() {
    let got = directs(
        "\"It is more of a consideration than it was,\" Cuban said on NBC's \"Meet the Press.\" \
         \"You don't have to be the perfect candidate.\"",
    );
    let whole = got
        .iter()
        .find(|q| q.1 == QuoteKind::Direct)
        .expect("a direct quote");
    assert_eq!(
        whole.0,
        "\"It is more of a consideration than it was,\" | \
         \"You don't have to be the perfect candidate.\""
    );
    assert_eq!(whole.2.as_deref(), Some("Cuban"));
    assert!(
        got.iter()
            .all(|q| q.1 != QuoteKind::Direct || q.0 == whole.0),
        "{got:?}"
    );
}

ind!(
    content_opening_with_an_adverbial_before_its_own_clause,
    "In that last step, officers can include a social media search, federal officials said.",
    [(
        "In that last step, officers can include a social media search",
        "federal officials",
        "said"
    )]
);
ind!(
    an_adverbial_alone_before_the_tag_is_not_content,
    "At an event in New York on Monday, Trump said.",
    []
);

tag!(
    went_on_tags_a_split_quote,
    "“I cannot,” Tom went on, “stay here any longer.”",
    "“I cannot,” | “stay here any longer.”",
    Some("Tom"),
    Some(Method::SpeechTag)
);

tag!(
    tag_with_a_phrase_before_the_comma,
    "Mary came in. Then she exclaimed, sobbing with her hands before her face, “I cannot bear it.”",
    "“I cannot bear it.”",
    Some("she"),
    Some(Method::SpeechTag)
);
tag!(
    tag_with_adverbs_before_the_comma,
    "Miss Crawford, rallying her spirits, replied only, “Very well.”",
    "“Very well.”",
    Some("Crawford"),
    Some(Method::SpeechTag)
);
tag!(
    tag_with_a_particle_before_the_comma,
    "The door opened. Mrs. Turton called out, “Come here.”",
    "“Come here.”",
    Some("Turton"),
    Some(Method::SpeechTag)
);
tag!(
    progressive_tag_before_a_quote,
    "Upstairs Mrs. Northcote had her by the foot and was saying, “Stay still.”",
    "“Stay still.”",
    Some("Northcote"),
    Some(Method::SpeechTag)
);
tag!(
    gerund_tag_takes_the_nearest_subject_pronoun,
    "As soon as her mother appeared she ran to her, crying, “Mother, you are home!”",
    "“Mother, you are home!”",
    Some("she"),
    Some(Method::SpeechTag)
);
tag!(
    long_tag_stops_at_a_clause_joined_by_and,
    "Mary spoke, and then the others went out, “Go now.”",
    "“Go now.”",
    None,
    None
);

#[test]
fn the_verb_of_a_direct_tag_reports_no_indirect_speech() {
    // `called out` tags the quote; before, `out` was also its indirect
    // speech.
    let text = "The door opened. Mrs. Turton called out, “Come here.”";
    let t = Text::english(text);
    let kinds: Vec<QuoteKind> = candidates(&t, &scan(&t), &crate::Options::default())
        .into_iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds, [QuoteKind::Direct]);
}
tag!(
    tag_ending_in_a_dash_on_the_line_before,
    "Anne, after the little pause which followed, added--\n\n“Then he is a sailor.”\n\nNobody answered.",
    "“Then he is a sailor.”",
    Some("Anne"),
    Some(Method::AdjacentLine)
);
tag!(
    tag_ending_in_a_comma_on_the_line_before,
    "Then, turning to the window, Elinor said,\n\n“It is raining again.”\n\nNobody answered.",
    "“It is raining again.”",
    Some("Elinor"),
    Some(Method::AdjacentLine)
);

#[test]
fn a_quote_interrupted_by_an_action_between_dashes_goes_on() {
    let got = directs("“These fogs”--she pointed at the station roof--“never lift.”");
    let kinds: Vec<QuoteKind> = got.iter().map(|g| g.1).collect();
    assert_eq!(kinds, [QuoteKind::Direct, QuoteKind::Direct], "{got:?}");
    // A title between dashes opens with no pronoun or name.
    let got = directs("The “fogs”--in the station roof--“never lift” of his youth.");
    assert!(got.iter().all(|g| g.1 == QuoteKind::Partial), "{got:?}");
}
