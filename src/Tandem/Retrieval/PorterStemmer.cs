namespace Tandem.Retrieval;

/// <summary>
/// The Porter (1980) suffix-stripping stemmer for lower-case English words, in the reference C
/// version's form (bli → ble, logi → log) that SQLite FTS5's <c>porter</c> tokenizer applies, so
/// the in-memory keyword index and the store's FTS5 index agree on what a term is ("licensed",
/// "licensing" → "licens").
/// </summary>
public static class PorterStemmer
{
    /// <summary>The stem of a lower-case word; words of one or two letters, or with non-letters, are returned unchanged.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 2 || !word.All(c => c is >= 'a' and <= 'z'))
        {
            return word;
        }

        var w = new Word(word);
        w.Step1A();
        w.Step1B();
        w.Step1C();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private readonly char[] _b = text.ToCharArray();
        private int _k = text.Length; // current length

        public override string ToString() => new(_b, 0, _k);

        public void Step1A()
        {
            if (Ends("sses"))
            {
                _k -= 2;
            }
            else if (Ends("ies"))
            {
                _k -= 2;
            }
            else if (!Ends("ss") && Ends("s"))
            {
                _k -= 1;
            }
        }

        public void Step1B()
        {
            if (Ends("eed"))
            {
                if (Measure(_k - 3) > 0)
                {
                    _k -= 1;
                }

                return;
            }

            var cut = Ends("ed") ? 2 : Ends("ing") ? 3 : 0;
            if (cut == 0 || !HasVowel(_k - cut))
            {
                return;
            }

            _k -= cut;
            if (Ends("at") || Ends("bl") || Ends("iz"))
            {
                Append('e');
            }
            else if (DoubleConsonant(_k - 1) && _b[_k - 1] is not ('l' or 's' or 'z'))
            {
                _k -= 1;
            }
            else if (Measure(_k) == 1 && Cvc(_k - 1))
            {
                Append('e');
            }
        }

        public void Step1C()
        {
            if (Ends("y") && HasVowel(_k - 1))
            {
                _b[_k - 1] = 'i';
            }
        }

        public void Step2()
        {
            ReplaceFirst(0,
                ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("logi", "log"), ("bli", "ble"),
                ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
                ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
                ("iviti", "ive"), ("biliti", "ble"));
        }

        public void Step3()
        {
            ReplaceFirst(0, ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""));
        }

        public void Step4()
        {
            foreach (var suffix in (string[])["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"])
            {
                if (!Ends(suffix))
                {
                    continue;
                }

                var stem = _k - suffix.Length;
                if (suffix == "ion" && (stem == 0 || _b[stem - 1] is not ('s' or 't')))
                {
                    return;
                }

                if (Measure(stem) > 1)
                {
                    _k = stem;
                }

                return;
            }
        }

        public void Step5()
        {
            if (Ends("e"))
            {
                var m = Measure(_k - 1);
                if (m > 1 || (m == 1 && !Cvc(_k - 2)))
                {
                    _k -= 1;
                }
            }

            if (_k > 1 && _b[_k - 1] == 'l' && DoubleConsonant(_k - 1) && Measure(_k) > 1)
            {
                _k -= 1;
            }
        }

        /// <summary>Replaces the first listed suffix the word ends with, when the stem before it has measure above <paramref name="minimumMeasure"/>.</summary>
        private void ReplaceFirst(int minimumMeasure, params (string Suffix, string Replacement)[] rules)
        {
            foreach (var (suffix, replacement) in rules)
            {
                if (!Ends(suffix))
                {
                    continue;
                }

                var stem = _k - suffix.Length;
                if (Measure(stem) > minimumMeasure)
                {
                    _k = stem;
                    foreach (var c in replacement)
                    {
                        Append(c);
                    }
                }

                return;
            }
        }

        private bool Ends(string suffix) =>
            suffix.Length <= _k && new ReadOnlySpan<char>(_b, _k - suffix.Length, suffix.Length).SequenceEqual(suffix);

        private void Append(char c) => _b[_k++] = c;

        private bool IsConsonant(int i) => _b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>m in [C](VC)^m[V] for the first <paramref name="length"/> letters.</summary>
        private int Measure(int length)
        {
            var m = 0;
            var i = 0;
            while (i < length && IsConsonant(i))
            {
                i++;
            }

            while (i < length)
            {
                while (i < length && !IsConsonant(i))
                {
                    i++;
                }

                if (i >= length)
                {
                    break;
                }

                m++;
                while (i < length && IsConsonant(i))
                {
                    i++;
                }
            }

            return m;
        }

        private bool HasVowel(int length)
        {
            for (var i = 0; i < length; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int i) => i >= 1 && _b[i] == _b[i - 1] && IsConsonant(i);

        /// <summary>Consonant-vowel-consonant ending at <paramref name="i"/>, the last not w, x or y.</summary>
        private bool Cvc(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && _b[i] is not ('w' or 'x' or 'y');
    }
}
