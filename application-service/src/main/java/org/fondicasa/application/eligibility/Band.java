package org.fondicasa.application.eligibility;

/** The two income bands of DM 7/6/1999 (fascia a, fascia b). */
public enum Band { A, B }
