//! The seven stages of forming a peer mentoring group (adapted from Proctor, 2008), with
//! guidance written for facilitators: what each stage settles, and what to keep an eye on.

use serde::{Deserialize, Serialize};

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    #[default]
    Purpose,
    Criteria,
    Selection,
    Members,
    Contract,
    WorkingAgreement,
    ManagingWork,
    /// A value a newer version of Peercircle wrote, which this version has no name for:
    /// kept as stored (see `persist::unknown`), shown in plain words, never offered.
    #[serde(rename = "unknown_to_this_version", other)]
    Unknown,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Purpose,
        Stage::Criteria,
        Stage::Selection,
        Stage::Members,
        Stage::Contract,
        Stage::WorkingAgreement,
        Stage::ManagingWork,
    ];

    pub fn number(self) -> usize {
        Stage::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn title(self) -> &'static str {
        match self {
            Stage::Purpose => "Purpose of the group",
            Stage::Criteria => "Who the group is for",
            Stage::Selection => "How members are chosen",
            Stage::Members => "The members",
            Stage::Contract => "Overall contract",
            Stage::WorkingAgreement => "Working agreement",
            Stage::ManagingWork => "How the work is managed",
            Stage::Unknown => "A stage this version does not know",
        }
    }

    /// What the stage settles, as a prompt above the text box.
    pub fn prompt(self) -> &'static str {
        match self {
            Stage::Purpose => {
                "What is this group for? One or two sentences every member would recognise, \
                 for example “to support each other in supervising students”."
            }
            Stage::Criteria => {
                "Who can join: levels of experience, professions, areas of work. A group of \
                 people alike and a mixed group both have benefits; say which this is, and why."
            }
            Stage::Selection => {
                "How people come to join: invited by whoever starts the group, an open call for \
                 interest, or chosen by the programme partners. Note practical limits such as \
                 location."
            }
            Stage::Members => "Tick who is in the group. People come from the programme's roster.",
            Stage::Contract => {
                "The extent and the limits of what co-mentors take on for each other. It has \
                 three parts: ground rules and logistics (the working agreement, next), how the \
                 group is run (the leadership model below), and how material is presented \
                 (stage 7)."
            }
            Stage::WorkingAgreement => {
                "How the group runs from meeting to meeting. Everyone should understand it and \
                 agree to keep to it."
            }
            Stage::ManagingWork => {
                "The agreed format for bringing material to the group: how a member prepares, \
                 presents a case, scenario or question, and how the others respond."
            }
            Stage::Unknown => {
                "A newer version of Peercircle added this stage. It is kept as it is; open the \
                 charter in the newest version to work on it."
            }
        }
    }

    /// What to watch for at this stage, in our own words from Proctor's "areas to monitor".
    pub fn watch_for(self) -> &'static str {
        match self {
            Stage::Purpose => {
                "Check that every member really shares the aim, not only the person who \
                 proposed it. An aim people only half agree with makes the group drift later."
            }
            Stage::Criteria => {
                "Criteria can shut out people you would want without anyone meaning to. Read \
                 them as someone on the edge of the group would."
            }
            Stage::Selection => {
                "Once the group is meeting, members may not like the way they were chosen. Be \
                 ready to talk about it openly rather than defend it."
            }
            Stage::Members => {
                "Aim for the membership that best serves the purpose, not just whoever was \
                 easiest to reach."
            }
            Stage::Contract => {
                "There is more than one way to run the group and people may disagree about \
                 which. Leaving the group with no agreed model is the option the research \
                 supports least."
            }
            Stage::WorkingAgreement => {
                "Reaching real consensus can take more than one meeting. Keep going until \
                 everyone can live with it, even where views differ, and remember that keeping \
                 to it is every member's job, not only the facilitator's."
            }
            Stage::ManagingWork => {
                "Members may prefer different formats, and the one chosen may turn out not to \
                 fit. Agree now that you will come back to it if it is not working."
            }
            Stage::Unknown => "",
        }
    }
}

/// The parts of the working agreement (stage 6), each its own box so none is forgotten.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    GroundRules,
    Confidentiality,
    Feedback,
    Logistics,
    WhenWhere,
    Attendance,
    PresenterMinutes,
    Renegotiation,
}

impl Term {
    pub const ALL: [Term; 8] = [
        Term::GroundRules,
        Term::Confidentiality,
        Term::Feedback,
        Term::Logistics,
        Term::WhenWhere,
        Term::Attendance,
        Term::PresenterMinutes,
        Term::Renegotiation,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Term::GroundRules => "Ground rules",
            Term::Confidentiality => "Confidentiality",
            Term::Feedback => "Respectful feedback",
            Term::Logistics => "Who handles logistics",
            Term::WhenWhere => "When and where we meet",
            Term::Attendance => "Commitment to attend",
            Term::PresenterMinutes => "Time each presenter gets",
            Term::Renegotiation => "How and when we renegotiate",
        }
    }

    pub fn hint(self) -> &'static str {
        match self {
            Term::GroundRules => "How we treat each other in the room.",
            Term::Confidentiality => {
                "What stays in the group: our own discussion, and anyone we talk about \
                 (students, colleagues, clients)."
            }
            Term::Feedback => "How we give and take feedback so it helps rather than hurts.",
            Term::Logistics => "Who books the room, sends reminders and contacts members.",
            Term::WhenWhere => "Day, time, how often, and the place or link.",
            Term::Attendance => "What we promise about coming, and what to do if we cannot.",
            Term::PresenterMinutes => "For example “15 minutes each, two presenters a meeting”.",
            Term::Renegotiation => {
                "When we review this agreement, and how anyone can ask to change it."
            }
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Term::GroundRules => "ground-rules",
            Term::Confidentiality => "confidentiality",
            Term::Feedback => "feedback",
            Term::Logistics => "logistics",
            Term::WhenWhere => "when-where",
            Term::Attendance => "attendance",
            Term::PresenterMinutes => "presenter-minutes",
            Term::Renegotiation => "renegotiation",
        }
    }
}
