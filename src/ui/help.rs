//! "Running your first meeting": the facilitator's guide, in the app so it works offline.
//! The same words are in the README's section of that name.

use crate::state::Route;
use leptos::prelude::*;

const STEPS: [(&str, &str); 7] = [
    (
        "Set up",
        "Create a programme, add a group (a mentor group, a protege group, or a peer group \
         where everyone is both), and add the people to its roster.",
    ),
    (
        "Start the session",
        "On the programme page, choose the group and a question from the bank (or type your \
         own) and press \u{201c}Start the session\u{201d}. Mark who is here and count any guests.",
    ),
    (
        "Pairs (level 1)",
        "Press \u{201c}Form pairs at random\u{201d} (one trio if numbers are odd). Each card says \
         \u{201c}You are Pair 3\u{201d}: tell each pair its number. Type each pair's agreed \
         answer, or hand the tablet over so pairs type their own, one pair at a time.",
    ),
    (
        "Tables (level 2)",
        "Group the pairs into tables. Each table sees its pairs' answers and can use them in its \
         shared answer or its minority report with one tap.",
    ),
    (
        "Flip chart (level 3)",
        "Bring every table's answers onto the flip chart, merge duplicates (they can be \
         un-merged), and add anything new from the discussion.",
    ),
    (
        "Agreement and consent",
        "Count how many agree with each item, then ask the consent question and mark each item \
         \u{201c}May be shared\u{201d} or \u{201c}Internal only\u{201d}. One objection keeps an \
         item inside the group.",
    ),
    (
        "Afterwards",
        "The last step offers what comes next: testimonies, sharing the results, follow-up \
         plans.",
    ),
];

const ON_THE_DAY: [(&str, &str); 9] = [
    (
        "The projector",
        "\u{201c}Open the flip chart in a new window\u{201d} and drag that window to the \
         projector. It shows the step, the timer and every item, numbered as on your screen, \
         never a name. It follows your window, and locks and unlocks with it: the room never \
         sees the passphrase form.",
    ),
    (
        "Nothing typed is lost",
        "What you type into a box is kept as you type, even before you press \u{201c}Add\u{201d}: \
         another step, a reload, closing the tab or the lock keep it, and \u{201c}Next\u{201d} \
         adds it to its answer. Tap a step in the step bar to go back and correct something.",
    ),
    (
        "The tablet",
        "In kiosk mode the tablet shows one answer box at a time and clears it after each \
         answer. After 3 quiet minutes (Settings allows up to 10) a full-screen \u{201c}Are you \
         still there?\u{201d} warning shows for 30 seconds; one tap keeps what was typed. Only \
         your PIN leaves kiosk mode.",
    ),
    (
        "Auto-lock",
        "With the device lock on, Peercircle locks itself after the idle time you chose, but \
         not while a step timer runs or the tablet is in kiosk mode, and never while a change \
         is still unsaved: it says so at the top of the page instead.",
    ),
    (
        "The group's guidelines",
        "On the first step, \u{201c}Read the guidelines aloud\u{201d} shows the group's ground \
         rules, confidentiality and the rest of its agreed working agreement in large type; \
         \u{201c}Show the guidelines on the big screen\u{201d} puts them on the projector \
         until you press Next.",
    ),
    (
        "How was today's meeting?",
        "On the last step, hand the tablet over: each person answers four questions from 1 to \
         5, with no name. Only counts are kept. Press \u{201c}Finish and show the counts\u{201d} \
         when everyone has answered; nothing is shown about fewer people than your programme's \
         smallest group size.",
    ),
    (
        "Someone leaving, or the group ending",
        "On the group's page, record a member leaving (planned or not, and the goodbye) or the \
         group's last meeting. Private notes there stay on this device and never go into a \
         shared file.",
    ),
    (
        "Started by mistake?",
        "Delete a session from the bottom of its page. \u{201c}Undo\u{201d} brings it back \
         straight away.",
    ),
    (
        "Privacy",
        "Who sat in which pair is kept in memory only, never stored: after a reload the pairs \
         and their answers are there, but not who sat where. Answers belong to \u{201c}Pair \
         3\u{201d} and \u{201c}Table B\u{201d}, never to people.",
    ),
];

#[component]
pub fn HelpPage() -> impl IntoView {
    view! {
        <nav aria-label="Breadcrumb" class="breadcrumb">
            <a href=Route::Settings.href()>"Settings"</a>
        </nav>
        <h1 tabindex="-1">"Running your first meeting"</h1>
        <p class="lead">
            "Everything happens in this browser, on this device: no account, and no network once \
             Peercircle has been opened here once."
        </p>
        <section class="panel" aria-labelledby="help-steps">
            <h2 id="help-steps">"Step by step"</h2>
            <ol class="help-steps">
                {STEPS.into_iter().map(|(title, text)| view! {
                    <li><strong>{title}". "</strong>{text}</li>
                }).collect_view()}
            </ol>
        </section>
        <section class="panel" aria-labelledby="help-day">
            <h2 id="help-day">"On the day"</h2>
            <dl class="help-day">
                {ON_THE_DAY.into_iter().map(|(title, text)| view! {
                    <dt>{title}</dt>
                    <dd>{text}</dd>
                }).collect_view()}
            </dl>
        </section>
        <p><a class="button primary" href=Route::Programmes.href()>"Go to your programmes"</a></p>
    }
}
