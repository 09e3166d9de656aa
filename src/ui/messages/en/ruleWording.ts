/**
 * The attributed wording of every rule, keyed `rule.<ruleId>` (the rules themselves are data in `src/domain/rules/`).
 * Wording always attributes ("The source advises ...", "The guideline sets ..."), and every view shows it beside its
 * source's short label ("ASRA 2018"), so a guideline's name is not repeated inside its wording. It never orders anyone to inject
 * or stop. A test checks that every rule in the registry has its wording here and that every key belongs to a rule.
 */
export const ruleWordingEn = {
  'rule.source.stop-now.genital-bleeding': "The source advises stopping LMWH with bloody discharge from the genital tract.",
  'rule.source.stop-before.any-surgery': "The source advises stopping LMWH before any surgery. It gives no interval.",
  'rule.source.stop-before.planned-birth-48h': "The source advises stopping LMWH at least 2 days before a planned caesarean section or childbirth, to avoid bleeding.",
  'rule.source.indication.ohss': "The source lists LMWH after embryo transfer during ovarian stimulation when there is a risk of ovarian hyperstimulation syndrome (OHSS) and the transfer could not be postponed.",
  'rule.source.indication.ohss-risk': "The source lists LMWH after embryo transfer during ovarian stimulation when there is a risk of ovarian hyperstimulation syndrome (OHSS) and the transfer could not be postponed.",
  'rule.source.indication.high-dose-estrogen': "The source lists LMWH when the endometrium is prepared with high-dose estrogen hormone replacement (estrogens raise the risk of clots).",
  'rule.source.indication.recurrent-miscarriage': "The source lists LMWH in recurrent miscarriage (loss of 2 or more pregnancies), especially with findings that predispose to clotting.",
  'rule.source.indication.antiphospholipid-antibodies': "The source names antiphospholipid antibodies among the findings that strengthen the case for LMWH in recurrent miscarriage.",
  'rule.source.indication.lupus-anticoagulant': "The source names lupus anticoagulant among the findings that strengthen the case for LMWH in recurrent miscarriage.",
  'rule.source.indication.raised-d-dimer': "The source names a raised D-dimer among the findings that strengthen the case for LMWH in recurrent miscarriage.",
  'rule.source.indication.factor-v-leiden': "The source names the Factor V Leiden mutation among the findings that strengthen the case for LMWH in recurrent miscarriage.",
  'rule.source.indication.pregnancy-monitoring': "The source says that during pregnancy D-dimer and the coagulation panel are monitored, and the decision to continue heparin is based on them (sometimes until the birth).",
  'rule.source.caution.works-only-while-injected': "The source says heparins work only while they are injected, and advises against taking them for months before the protocol \"to prepare\". The app flags an LMWH order starting more than 28 days before the first IVF protocol event or the start of the pregnancy: 28 days is the app's threshold, not the source's.",
  'rule.source.note.dose-by-weight-panel-control': "The source says the dose is chosen individually by the patient's weight, under strict control of the coagulation panel (hemostasiogram).",
  'rule.asra2018.stop-before.neuraxial-prophylactic-12h': "At least 12 h after a prophylactic LMWH dose before neuraxial anaesthesia (spinal or epidural).",
  'rule.asra2018.stop-before.neuraxial-therapeutic-24h': "At least 24 h after a therapeutic LMWH dose before neuraxial anaesthesia (spinal or epidural).",
  'rule.asra2018.restart-after.catheter-removal': "The guideline sets a minimum wait after neuraxial catheter removal before the next LMWH dose, about 4 h (number only partly verified here: secondary sources), and a longer wait after the block itself for the first dose. No time is computed from it.",
  'rule.asra2018.caution.platelets-before-block': "A platelet count before a neuraxial block or catheter removal when heparin has been given for more than 4 days.",
  'rule.rcog37a.stop-now.bleeding-or-labour': "Women on antenatal LMWH are advised not to inject further LMWH if they have any vaginal bleeding or once labour begins. (Wording from a verbatim reproduction; the primary RCOG document was not opened.)",
  'rule.rcog37a.stop-before.regional-prophylactic-12h': "The guideline gives the same 12 h after a prophylactic dose before a regional block (wording from a verbatim reproduction; primary not opened). The computed time comes from the ASRA 2018 line.",
  'rule.rcog37a.stop-before.regional-therapeutic-24h': "The guideline gives the same 24 h after a therapeutic dose before a regional block (wording from a verbatim reproduction; primary not opened). The computed time comes from the ASRA 2018 line.",
  'rule.rcog37a.restart-after.spinal-or-catheter-removal': "No LMWH for 4 h after a spinal anaesthetic or after the epidural catheter is removed, and the catheter is not removed within 12 h of the last injection. (Numbers from a verbatim reproduction; primary not opened: no time is computed from them.)",
  'rule.rcog37a.restart-after.delivery': "The first postnatal dose as soon as possible after delivery when there is no postpartum haemorrhage and no regional anaesthesia. (Partly verified: secondary sources only.)",
  'rule.rcog37a.note.postnatal-duration': "Postnatal prophylaxis for 6 weeks at high risk and 10 days at intermediate risk.",
  'rule.rcog37a.note.ohss-risk-factor': "The guideline lists OHSS (first trimester only) and IVF/ART as risk factors for venous thrombosis: there, LMWH is given against thrombosis, not against OHSS itself.",
  'rule.rcog37a.caution.weight-band': "Its Table 3 doses prophylactic LMWH by booking weight. The bands used here come from a third-party transcription and are not verified against the primary: a difference is a prompt to check, not a verified guideline finding.",
  'rule.acog2020.note.ufh-switch-optional': "Switching LMWH to unfractionated heparin at or near 36 weeks, which some clinicians use to ease neuraxial anaesthesia, is not required.",
  'rule.ash2018.caution.no-routine-anti-xa': "The guideline suggests against routine anti-Xa monitoring to adjust LMWH dosing in pregnancy (conditional recommendation).",
  'rule.eshre.note.inherited-thrombophilia-without-aps': "For women with hereditary thrombophilia and recurrent pregnancy loss, the recurrent pregnancy loss guideline suggests not using antithrombotic prophylaxis except in research or when indicated to prevent venous thromboembolism. (Wording seen in the 2017 edition; not checked against the 2022 update here.)",
  'rule.soap2018.note.neuraxial-consensus': "The consensus statement gives pregnancy-specific advice on timing neuraxial procedures for women on thromboprophylaxis or higher-dose anticoagulants. Its intervals were not verified here and are not shown.",
  'rule.studies.note.d-dimer-rises-in-pregnancy': "Published studies: D-dimer rises through normal pregnancy; in the third trimester most healthy women are above the usual non-pregnant cut-off, so a raised D-dimer alone is expected in pregnancy.",
  'rule.label.caution.renal-clearance-below-30': "Below a creatinine clearance of 30 mL/min the dose is adjusted, because LMWH accumulates when renal clearance is reduced (the source's \"no cumulative effect\" does not hold here). Other LMWHs: local guidance.",
  'rule.general.note.pt-aptt-not-for-lmwh': "PT/INR and aPTT do not measure the effect of LMWH; an LMWH effect is measured as anti-Xa (citation not verified here).",
} as const;
