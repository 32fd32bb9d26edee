//! The aws-auth parser on arbitrary ConfigMap data (mapRoles, mapUsers and mapAccounts
//! separated by NUL bytes): it never panics; data it accepts survives an edit and a write
//! (what it renders parses again, the edit is there once, untouched lists are kept byte for
//! byte).

#![no_main]

use eksiam::rules::authmap::{AwsAuth, MAP_ACCOUNTS, MAP_ROLES, MAP_USERS, Mapping, Subject};
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut map = BTreeMap::new();
    for (key, part) in [MAP_ROLES, MAP_USERS, MAP_ACCOUNTS]
        .into_iter()
        .zip(text.split('\0'))
    {
        map.insert(key.to_owned(), part.to_owned());
    }
    let Ok(mut auth) = AwsAuth::parse(&map) else {
        return;
    };
    let _ = auth.duplicates();
    let _ = auth.duplicate_subjects();
    let role = Subject::Role("arn:aws:iam::111122223333:role/fuzz".into());
    let mapping = Mapping {
        subject: role.clone(),
        username: Some("fuzz".into()),
        groups: vec!["system:masters".into()],
    };
    auth.collapse(&role);
    auth.upsert(&mapping, false).expect("duplicates allowed");
    let mut written = map.clone();
    auth.write_into(&mut written);
    assert_eq!(
        written.get(MAP_USERS),
        map.get(MAP_USERS),
        "mapUsers untouched"
    );
    assert_eq!(
        written.get(MAP_ACCOUNTS),
        map.get(MAP_ACCOUNTS),
        "mapAccounts untouched"
    );
    let again = AwsAuth::parse(&written).expect("what eksiam writes parses");
    // The effective entry says what was asked; keys eksiam does not know are kept, and so is
    // the spelling of an ARN the authenticator matches case-insensitively.
    let effective = again.effective(&role).expect("the role is mapped");
    for (key, value) in mapping.to_entry().as_object().expect("an entry") {
        let got = effective.get(key).expect("the key is there");
        match (key.as_str(), got.as_str(), value.as_str()) {
            ("rolearn", Some(got), Some(want)) => assert!(got.eq_ignore_ascii_case(want)),
            _ => assert_eq!(got, value, "{key} in {effective}"),
        }
    }
    let mut again = again;
    assert!(again.collapse(&role).is_empty(), "the role is mapped once");
});
